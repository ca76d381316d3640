using Atlas.Stdlib;
using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class CoreBuiltinsTests
{
    [TestMethod]
    public void PrintWritesDisplayTextAndNewline()
    {
        var vm = NewVm();
        Assert.AreEqual(Value.Null, CallOn(vm, "print", Arr(1, "a", Arr(2.5, true)) ));
        CallOn(vm, "print", "raw");
        CallOn(vm, "print", OptionValue.Some(Value.Number(2)));
        CallOn(vm, "print", Map(("k", 1)));
        CallOn(vm, "print", Builtin("len"));
        Assert.AreEqual("[1, a, [2.5, true]]\nraw\nSome(2)\n<HashMap size=1>\n<builtin len>\n", vm.Out.ToString());
    }

    [TestMethod]
    public void PrintArity() => FailsStdlib("print(): expected 1 argument(s), got 2", "print", 1, 2);

    [TestMethod]
    public void LenCountsScalarsAndElements()
    {
        Assert.AreEqual(3.0, Call("len", "日本語").Num);
        Assert.AreEqual(1.0, Call("len", "🌍").Num);
        Assert.AreEqual(2.0, Call("len", "e\u0301").Num); // a combining mark is its own scalar
        Assert.AreEqual(0.0, Call("len", "").Num);
        Assert.AreEqual(3.0, Call("len", Arr(1, Arr(2, 3), "x")).Num);
    }

    [TestMethod]
    public void LenErrors()
    {
        FailsStdlib("len(): expected string or array, got number", "len", 5);
        FailsStdlib("len(): expected string or array, got hashmap", "len", Map());
        FailsStdlib("len(): expected 1 argument(s), got 0", "len");
    }

    [TestMethod]
    public void StrIsDisplayText()
    {
        Assert.AreEqual("3", Call("str", 3.0).AsString);
        Assert.AreEqual("true", Call("str", true).AsString);
        Assert.AreEqual("null", Call("str", Value.Null).AsString);
        Assert.AreEqual("a", Call("str", "a").AsString);
        Assert.AreEqual("[1, [2, b]]", Call("str", Arr(1, Arr(2, "b"))).AsString);
        Assert.AreEqual("Err(boom)", Call("str", ResultValue.Err(Value.String("boom"))).AsString);
        Assert.AreEqual("inf", Call("str", double.PositiveInfinity).AsString);
        FailsStdlib("str(): expected 1 argument(s), got 0", "str");
    }

    [TestMethod]
    public void TypeOfNames()
    {
        Assert.AreEqual("number", Show("typeof", 1));
        Assert.AreEqual("string", Show("typeof", "s"));
        Assert.AreEqual("bool", Show("typeof", false));
        Assert.AreEqual("null", Show("typeof", Value.Null));
        Assert.AreEqual("array", Show("typeof", Arr()));
        Assert.AreEqual("builtin", Show("typeof", Builtin("print")));
        Assert.AreEqual("option", Show("typeof", OptionValue.None));
        Assert.AreEqual("result", Show("typeof", ResultValue.Ok(Value.Null)));
        Assert.AreEqual("hashmap", Show("typeof", Map()));
        Assert.AreEqual("hashset", Show("typeof", Set()));
        Assert.AreEqual("queue", Show("typeof", Value.Queue(new AtlasQueue())));
        Assert.AreEqual("stack", Show("typeof", Value.Stack(new AtlasStack())));
        FailsStdlib("typeOf(): expected 1 argument(s), got 2", "typeof", 1, 2);
    }

    public static IEnumerable<object[]> ToStringCases()
    {
        yield return [Value.Null, "null"];
        yield return [Value.True, "true"];
        yield return [Value.String("text"), "text"];
        yield return [Value.Number(3), "3"];
        yield return [Value.Number(0.1), "0.1"];
        yield return [Value.Number(double.NaN), "NaN"];
        yield return [Value.Number(double.PositiveInfinity), "Infinity"];
        yield return [Value.Number(double.NegativeInfinity), "-Infinity"];
        yield return [Arr(1, 2), "[Array]"];
        yield return [Builtin("len"), "[Builtin len]"];
        yield return [OptionValue.None, "None"];
        yield return [OptionValue.Some(Value.Number(1.5)), "Some(1.5)"];
        yield return [OptionValue.Some(Value.String("hi")), "Some(\"hi\")"];
        yield return [OptionValue.Some(Value.Number(double.PositiveInfinity)), "Some(inf)"];
        yield return [ResultValue.Ok(Value.Bool(false)), "Ok(false)"];
        yield return [ResultValue.Err(Value.Null), "Err(null)"];
        yield return [ResultValue.Ok(Arr(1)), "Ok([Array])"];
        yield return [OptionValue.Some(OptionValue.Some(Value.Number(1))), "Some([Option])"];
        yield return [ResultValue.Err(ResultValue.Ok(Value.Number(1))), "Err([Result])"];
        yield return [OptionValue.Some(Map()), "Some([HashMap])"];
        yield return [Map(), "[HashMap]"];
        yield return [Set(), "[HashSet]"];
        yield return [Value.Queue(new AtlasQueue()), "[Queue]"];
        yield return [Value.Stack(new AtlasStack()), "[Stack]"];
    }

    [TestMethod]
    [DynamicData(nameof(ToStringCases))]
    public void ToStringTable(Value v, string expected) => Assert.AreEqual(expected, Show("toString", v));

    [TestMethod]
    public void ToStringArity() => FailsStdlib("toString(): expected 1 argument(s), got 0", "toString");

    [TestMethod]
    [DataRow("1e3", 1000.0)]
    [DataRow(".5", 0.5)]
    [DataRow("5.", 5.0)]
    [DataRow("+3", 3.0)]
    [DataRow("-0", -0.0)]
    [DataRow("00012", 12.0)]
    [DataRow("1.e5", 100000.0)]
    [DataRow("+.5e-3", 0.0005)]
    [DataRow("1E5", 100000.0)]
    [DataRow("1e+05", 100000.0)]
    [DataRow("2.5E-3", 0.0025)]
    [DataRow("inf", double.PositiveInfinity)]
    [DataRow("-inf", double.NegativeInfinity)]
    [DataRow("+Infinity", double.PositiveInfinity)]
    [DataRow("iNfInItY", double.PositiveInfinity)]
    [DataRow("nan", double.NaN)]
    [DataRow("-NaN", double.NaN)]
    [DataRow("1e400", double.PositiveInfinity)]
    [DataRow("-1e400", double.NegativeInfinity)]
    [DataRow("1e-400", 0.0)]
    [DataRow("1e99999999999999999999", double.PositiveInfinity)]
    [DataRow("0e99999999999999999999", 0.0)]
    [DataRow("1e-99999999999999999999", 0.0)]
    [DataRow("5e-324", 5e-324)]
    [DataRow("2e-324", 0.0)]
    [DataRow("1.7976931348623157e308", 1.7976931348623157e308)]
    [DataRow("1.7976931348623159e308", double.PositiveInfinity)]
    [DataRow("9007199254740993", 9007199254740992.0)]
    [DataRow("0.000000000000000000000000000000000000000000001e45", 1.0)]
    [DataRow("123456789012345678901234567890", 1.2345678901234568e29)]
    public void FloatGrammarAccepts(string text, double expected)
    {
        foreach (var builtin in new[] { "parseFloat", "toNumber" })
        {
            double actual = Call(builtin, text).Num;
            if (double.IsNaN(expected)) Assert.IsTrue(double.IsNaN(actual), text);
            else Assert.AreEqual(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual), text); // bits: -0 is not 0
        }
    }

    [TestMethod]
    [DataRow("0x10")]
    [DataRow("1,5")]
    [DataRow("1e")]
    [DataRow("1e+")]
    [DataRow(".e5")]
    [DataRow(".")]
    [DataRow("+")]
    [DataRow("-")]
    [DataRow("1_000")]
    [DataRow("infinit")]
    [DataRow("infinityy")]
    [DataRow("nan1")]
    [DataRow("++1")]
    [DataRow("+-1")]
    [DataRow("e5")]
    [DataRow("1.5.2")]
    [DataRow("１")]
    [DataRow("1 2")]
    public void FloatGrammarRejects(string text)
    {
        FailsType($"Cannot parse '{text}' as float", "parseFloat", text);
        FailsType($"Cannot convert '{text}' to number", "toNumber", text);
    }

    [TestMethod]
    public void ToNumberConversions()
    {
        Assert.AreEqual(7.5, Call("toNumber", 7.5).Num);
        Assert.AreEqual(1.0, Call("toNumber", true).Num);
        Assert.AreEqual(0.0, Call("toNumber", false).Num);
        Assert.AreEqual(42.0, Call("toNumber", " \t42\n").Num);
        Assert.AreEqual(3.0, Call("toNumber", "\u00A03\u3000").Num); // Unicode white space is trimmed too
    }

    [TestMethod]
    public void ToNumberErrors()
    {
        FailsType("Cannot convert empty string to number", "toNumber", "   ");
        FailsType("Cannot convert ' 12abc ' to number", "toNumber", " 12abc ");
        FailsType("Cannot convert null to number", "toNumber", Value.Null);
        FailsType("Cannot convert array to number", "toNumber", Arr());
        FailsType("Cannot convert option to number", "toNumber", OptionValue.None);
        FailsStdlib("toNumber(): expected 1 argument(s), got 0", "toNumber");
    }

    [TestMethod]
    public void ToBoolTruthiness()
    {
        Assert.IsFalse(Call("toBool", 0).AsBool);
        Assert.IsFalse(Call("toBool", -0.0).AsBool);
        Assert.IsFalse(Call("toBool", double.NaN).AsBool);
        Assert.IsFalse(Call("toBool", "").AsBool);
        Assert.IsFalse(Call("toBool", Value.Null).AsBool);
        Assert.IsFalse(Call("toBool", false).AsBool);
        Assert.IsTrue(Call("toBool", true).AsBool);
        Assert.IsTrue(Call("toBool", 0.001).AsBool);
        Assert.IsTrue(Call("toBool", "false").AsBool);
        Assert.IsTrue(Call("toBool", Arr()).AsBool);
        Assert.IsTrue(Call("toBool", OptionValue.None).AsBool);
        FailsStdlib("toBool(): expected 1 argument(s), got 2", "toBool", 1, 2);
    }

    [TestMethod]
    [DataRow("42", 10.0, 42.0)]
    [DataRow("  -42  ", 10.0, -42.0)]
    [DataRow("+7", 10.0, 7.0)]
    [DataRow("ff", 16.0, 255.0)]
    [DataRow("FF", 16.0, 255.0)]
    [DataRow("-101", 2.0, -5.0)]
    [DataRow("zz", 36.0, 1295.0)]
    [DataRow("007", 8.0, 7.0)]
    [DataRow("9223372036854775807", 10.0, 9223372036854775807.0)]
    [DataRow("-9223372036854775808", 10.0, -9223372036854775808.0)]
    public void ParseIntValues(string text, double radix, double expected) =>
        Assert.AreEqual(expected, Call("parseInt", text, radix).Num);

    [TestMethod]
    public void ParseIntErrors()
    {
        FailsStdlib("parseInt(): expected 2 argument(s), got 1", "parseInt", "1");
        FailsType("parseInt() requires string as first argument", "parseInt", 1, 10);
        FailsType("parseInt() requires number as second argument", "parseInt", "1", "10");
        FailsType("parseInt() radix must be integer between 2 and 36", "parseInt", "1", 1);
        FailsType("parseInt() radix must be integer between 2 and 36", "parseInt", "1", 37);
        FailsType("parseInt() radix must be integer between 2 and 36", "parseInt", "1", 10.5);
        FailsType("Cannot parse empty string as integer", "parseInt", "  ", 10);
        FailsType("Invalid integer for radix 10", "parseInt", " - ", 10);
        FailsType("Invalid integer for radix 16", "parseInt", "+", 16);
        FailsType("Invalid integer ' 12a' for radix 10", "parseInt", " 12a", 10);
        FailsType("Invalid integer '2' for radix 2", "parseInt", "2", 2);
        FailsType("Invalid integer '1.5' for radix 10", "parseInt", "1.5", 10);
        FailsType("Invalid integer '+-1' for radix 10", "parseInt", "+-1", 10);
        FailsType("Invalid integer '9223372036854775808' for radix 10", "parseInt", "9223372036854775808", 10);
        FailsType("Invalid integer '-9223372036854775809' for radix 10", "parseInt", "-9223372036854775809", 10);
    }

    [TestMethod]
    public void ParseFloatErrors()
    {
        FailsStdlib("parseFloat(): expected 1 argument(s), got 0", "parseFloat");
        FailsType("parseFloat() requires string argument", "parseFloat", 1);
        FailsType("Cannot parse empty string as float", "parseFloat", " ");
        FailsType("Cannot parse ' abc' as float", "parseFloat", " abc");
        Assert.AreEqual(2.5, Call("parseFloat", "  2.5\n").Num);
    }

    [TestMethod]
    public void TypePredicates()
    {
        Assert.IsTrue(Call("isString", "").AsBool);
        Assert.IsFalse(Call("isString", 1).AsBool);
        Assert.IsTrue(Call("isNumber", double.NaN).AsBool);
        Assert.IsFalse(Call("isNumber", "1").AsBool);
        Assert.IsTrue(Call("isBool", false).AsBool);
        Assert.IsFalse(Call("isBool", Value.Null).AsBool);
        Assert.IsTrue(Call("isNull", Value.Null).AsBool);
        Assert.IsFalse(Call("isNull", OptionValue.None).AsBool);
        Assert.IsTrue(Call("isArray", Arr()).AsBool);
        Assert.IsFalse(Call("isArray", Set()).AsBool);
        Assert.IsTrue(Call("isFunction", Builtin("len")).AsBool);
        Assert.IsFalse(Call("isFunction", "len").AsBool);
        FailsStdlib("isString(): expected 1 argument(s), got 0", "isString");
        FailsStdlib("isFunction(): expected 1 argument(s), got 2", "isFunction", 1, 2);
    }

    [TestMethod]
    public void IsType()
    {
        Assert.IsTrue(Call("isType", 1, "number").AsBool);
        Assert.IsTrue(Call("isType", OptionValue.None, "option").AsBool);
        Assert.IsFalse(Call("isType", OptionValue.None, "Option").AsBool);
        Assert.IsFalse(Call("isType", Map(), "object").AsBool);
        FailsType("isType() requires type name string as second argument", "isType", 1, 2);
        FailsStdlib("isType(): expected 2 argument(s), got 1", "isType", 1);
    }
}
