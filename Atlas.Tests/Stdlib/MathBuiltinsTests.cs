using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class MathBuiltinsTests
{
    private static double N(string name, params object?[] args) => Call(name, args).Num;

    [TestMethod]
    [DataRow("abs", -2.5, 2.5)]
    [DataRow("floor", -1.5, -2.0)]
    [DataRow("ceil", 1.2, 2.0)]
    [DataRow("sqrt", 9.0, 3.0)]
    [DataRow("sqrt", -1.0, double.NaN)]
    [DataRow("log", 0.0, double.NegativeInfinity)]
    [DataRow("log", 1.0, 0.0)]
    [DataRow("sin", 0.0, 0.0)]
    [DataRow("cos", 0.0, 1.0)]
    [DataRow("tan", 0.0, 0.0)]
    [DataRow("asin", 1.0, Math.PI / 2)]
    [DataRow("acos", 2.0, double.NaN)]
    [DataRow("atan", 1.0, Math.PI / 4)]
    public void UnaryFunctions(string name, double x, double expected) => Assert.AreEqual(expected, N(name, x));

    [TestMethod]
    [DataRow(2.5, 2.0)]
    [DataRow(3.5, 4.0)]
    [DataRow(-2.5, -2.0)]
    [DataRow(0.5, 0.0)]
    [DataRow(1.4999, 1.0)]
    [DataRow(-1.6, -2.0)]
    [DataRow(double.PositiveInfinity, double.PositiveInfinity)]
    [DataRow(double.NaN, double.NaN)]
    public void RoundTiesToEven(double x, double expected) => Assert.AreEqual(expected, N("round", x));

    [TestMethod]
    public void Sign()
    {
        Assert.AreEqual(1.0, N("sign", 7));
        Assert.AreEqual(-1.0, N("sign", -0.1));
        Assert.IsTrue(double.IsNegative(N("sign", -0.0)));
        Assert.AreEqual(0.0, N("sign", 0));
        Assert.IsTrue(double.IsNaN(N("sign", double.NaN)));
        Assert.AreEqual(-1.0, N("sign", double.NegativeInfinity));
    }

    [TestMethod]
    public void MinMaxIgnoreASingleNaN()
    {
        Assert.AreEqual(1.0, N("min", 1, 2));
        Assert.AreEqual(2.0, N("max", 1, 2));
        Assert.AreEqual(3.0, N("min", double.NaN, 3));
        Assert.AreEqual(3.0, N("min", 3, double.NaN));
        Assert.AreEqual(3.0, N("max", double.NaN, 3));
        Assert.AreEqual(3.0, N("max", 3, double.NaN));
        Assert.IsTrue(double.IsNaN(N("max", double.NaN, double.NaN)));
        Assert.AreEqual(double.NegativeInfinity, N("min", double.NegativeInfinity, 0));
    }

    [TestMethod]
    public void Pow()
    {
        Assert.AreEqual(1024.0, N("pow", 2, 10));
        Assert.AreEqual(double.PositiveInfinity, N("pow", 10, 400));
        Assert.AreEqual(1.0, N("pow", 1, double.NaN));
        Assert.IsTrue(double.IsNaN(N("pow", -8, 1.0 / 3)));
    }

    [TestMethod]
    public void Clamp()
    {
        Assert.AreEqual(5.0, N("clamp", 7, 0, 5));
        Assert.AreEqual(0.0, N("clamp", -7, 0, 5));
        Assert.AreEqual(3.0, N("clamp", 3, 0, 5));
        Assert.IsTrue(double.IsNaN(N("clamp", 3, 5, 0)));
        Assert.AreEqual(0.0, N("clamp", double.NaN, 0, 5)); // NaN rule of max, then min
        Assert.AreEqual(5.0, N("clamp", 9, double.NaN, 5));
    }

    [TestMethod]
    public void RandomIsInUnitInterval()
    {
        var values = Enumerable.Range(0, 1000).Select(_ => N("random")).ToList();
        Assert.IsTrue(values.All(v => v >= 0 && v < 1));
        Assert.IsGreaterThan(900, values.Distinct().Count());
    }

    [TestMethod]
    public void ArityErrors()
    {
        FailsType("abs() expects 1 argument", "abs");
        FailsType("sqrt() expects 1 argument", "sqrt", 1, 2);
        FailsType("min() expects 2 arguments", "min", 1);
        FailsType("pow() expects 2 arguments", "pow", 1, 2, 3);
        FailsType("clamp() expects 3 arguments", "clamp", 1, 2);
        FailsType("random() expects no arguments", "random", 1);
    }

    [TestMethod]
    public void KindErrors()
    {
        FailsType("floor() expects number argument", "floor", "1");
        FailsType("round() expects number argument", "round", Value.Null);
        FailsType("max() expects number arguments", "max", 1, "2");
        FailsType("pow() expects number arguments", "pow", true, 2);
        FailsType("clamp() expects number arguments", "clamp", 1, 2, Arr());
    }
}
