using Atlas.Vm;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class NumberFormatterTests
{
    [TestMethod]
    [DataRow(0.0, "0")]
    [DataRow(-0.0, "-0")]
    [DataRow(42.0, "42")]
    [DataRow(-17.0, "-17")]
    [DataRow(0.1 + 0.2, "0.30000000000000004")]
    [DataRow(1.0 / 3.0, "0.3333333333333333")]
    [DataRow(-2.5, "-2.5")]
    [DataRow(123456.789, "123456.789")]
    [DataRow(1e21, "1000000000000000000000")]
    [DataRow(1e16, "10000000000000000")]
    [DataRow(9007199254740993.0, "9007199254740992")]
    [DataRow(1180591620717411303424.0, "1180591620717411303424")]
    [DataRow(1e-7, "0.0000001")]
    [DataRow(1.5e-10, "0.00000000015")]
    [DataRow(123e-20, "0.00000000000000000123")]
    [DataRow(1.7976931348623157e308, "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368")]
    [DataRow(double.NaN, "NaN")]
    [DataRow(double.PositiveInfinity, "inf")]
    [DataRow(double.NegativeInfinity, "-inf")]
    public void Display(double value, string expected) => Assert.AreEqual(expected, NumberFormatter.Display(value));

    [TestMethod]
    public void DisplayOf1e100IsTheExactInteger() =>
        Assert.AreEqual("10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104",
            NumberFormatter.Display(1e100));

    [TestMethod]
    public void DisplayOfSmallestSubnormalIsPositional() =>
        Assert.AreEqual("0." + new string('0', 323) + "5", NumberFormatter.Display(5e-324));

    [TestMethod]
    [DataRow(double.PositiveInfinity, "Infinity")]
    [DataRow(double.NegativeInfinity, "-Infinity")]
    [DataRow(double.NaN, "NaN")]
    [DataRow(1e21, "1000000000000000000000")]
    [DataRow(-0.0, "-0")]
    [DataRow(0.5, "0.5")]
    public void ToStringFormat(double value, string expected) => Assert.AreEqual(expected, NumberFormatter.ToStringFormat(value));
}
