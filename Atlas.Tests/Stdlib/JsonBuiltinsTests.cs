using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

/// <summary>The JSON builtins of stdlib.md §9.1 with the reference's (serde_json's) texts and number formats.</summary>
[TestClass]
public sealed class JsonBuiltinsTests
{
    private static Value Parse(string text) => Call("parseJSON", text);

    [TestMethod]
    public void ParsedValuesDisplayLikeTheReference()
    {
        Assert.AreEqual("{\"a\": [1, 2.5, \"x\"], \"b\": null, \"c\": true}", ValueFormatter.Display(Parse("{\"c\":true,\"b\":null,\"a\":[1,2.5,\"x\"]}")));
        Assert.AreEqual("9223372036854775807", ValueFormatter.Display(Parse("1e30")));
        Assert.AreEqual("json", ValueFormatter.TypeName(Parse("1")));
    }

    [TestMethod]
    public void IndexingNeverFails()
    {
        var j = Parse("{\"a\":[10,20]}");
        Assert.AreEqual("20", ValueFormatter.Display(ValueOps.GetIndex(ValueOps.GetIndex(j, V("a")), V(1))));
        foreach (var index in new object[] { "zz", 5, -1, 0.5, double.NaN })
            Assert.AreEqual("null", ValueFormatter.Display(ValueOps.GetIndex(j, V(index))), index.ToString());
        Assert.AreEqual("null", ValueFormatter.Display(ValueOps.GetIndex(Parse("3"), V("a"))));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => ValueOps.GetIndex(j, Value.True));
        Assert.AreEqual("JSON index must be string or number", e.Detail);
    }

    [TestMethod]
    public void MalformedTextNamesTheProblemAndPosition()
    {
        FailsType("Invalid JSON: key must be a string at line 1 column 2", "parseJSON", "{invalid}");
        FailsType("Invalid JSON: trailing comma at line 1 column 4", "parseJSON", "[1,]");
        FailsType("Invalid JSON: EOF while parsing a value at line 1 column 0", "parseJSON", "");
        FailsType("Invalid JSON: EOF while parsing a list at line 1 column 5", "parseJSON", "[1, 2");
        FailsType("Invalid JSON: EOF while parsing an object at line 1 column 6", "parseJSON", "{\"a\":1");
        FailsType("Invalid JSON: expected `:` at line 1 column 6", "parseJSON", "{\"a\" 1}");
        FailsType("Invalid JSON: expected `,` or `]` at line 1 column 4", "parseJSON", "[1 2]");
        FailsType("Invalid JSON: trailing characters at line 2 column 1", "parseJSON", "1\n2");
        FailsType("Invalid JSON: number out of range", "parseJSON", "1e400");
        FailsType("Invalid JSON: recursion limit exceeded at line 1 column 129", "parseJSON", new string('[', 200));
        FailsType("parseJSON() requires string argument", "parseJSON", 1);
        FailsStdlib("parseJSON(): expected 1 argument(s), got 0", "parseJSON");
    }

    [TestMethod]
    public void ToJsonIsCompact()
    {
        Assert.AreEqual("[1,\"a\\n\\\"\\u0001é\",null,true,-0.5,[]]", Show("toJSON", Arr(1, "a\n\"\u0001é", null, true, -0.5, Arr())));
        Assert.AreEqual("1000000000000000000000", Show("toJSON", 1e21));
        Assert.AreEqual("{\"a\":[1,2],\"b\":\"x\"}", Show("toJSON", Parse("{ \"b\": \"x\", \"a\": [1, 2] }")));
        FailsType("Cannot serialize NaN or Infinity to JSON", "toJSON", double.PositiveInfinity);
        FailsType("Cannot serialize Option to JSON", "toJSON", Call("Some", 1));
        FailsType("Cannot serialize HashMap to JSON", "toJSON", Arr(Map(("a", 1))));
        FailsType("Cannot serialize function to JSON", "toJSON", Builtin("print"));
    }

    [TestMethod]
    public void ToJsonOfDeeplyNestedArraysDoesNotRecurse()
    {
        var v = Arr();
        for (int i = 0; i < 100_000; i++) v = Arr(v);
        Assert.AreEqual(200_002, Call("toJSON", v).AsString.Length);
    }

    [TestMethod]
    public void MinifyAndPrettifyFollowSerde()
    {
        Assert.AreEqual("{\"a\":[1e20,-0.0,12345678901234567890,0.00001,1.5e-7],\"b\":1.0}",
            Show("minifyJSON", "{ \"b\": 1.0, \"a\": [1e20, -0, 12345678901234567890, 0.00001, 1.5e-7] }"));
        Assert.AreEqual("{\"k\":2}", Show("minifyJSON", "{\"k\":1,\"k\":2}"));
        Assert.AreEqual("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": []\n}", Show("prettifyJSON", "{\"b\":[],\"a\":[1,{}]}", 2));
        Assert.AreEqual("[\n1\n]", Show("prettifyJSON", "[1]", 0));
        FailsType("prettifyJSON() indent must be non-negative integer", "prettifyJSON", "[]", 1.5);
        FailsType("prettifyJSON() requires number as second argument", "prettifyJSON", "[]", "2");
        FailsType("Invalid JSON: expected value at line 1 column 1", "minifyJSON", "x");
    }

    [TestMethod]
    public void ExtractorsNameTheActualKind()
    {
        Assert.AreEqual("a", Call("jsonAsString", Parse("\"a\"")).AsString);
        Assert.AreEqual(2.5, Call("jsonAsNumber", Parse("2.5")).Num);
        Assert.IsTrue(Call("jsonAsBool", Parse("true")).AsBool);
        Assert.IsTrue(Call("jsonIsNull", Parse("null")).AsBool);
        FailsType("Cannot extract string from JSON value of type 'number'", "jsonAsString", Parse("1"));
        FailsType("Cannot extract number from JSON value of type 'object'", "jsonAsNumber", Parse("{}"));
        FailsType("Cannot extract bool from JSON value of type 'array'", "jsonAsBool", Parse("[]"));
        FailsType("as_string() requires json argument", "jsonAsString", "a");
        FailsType("is_null() requires json argument", "jsonIsNull", Value.Null);
    }

    [TestMethod]
    public void ValidityAndShapeChecks()
    {
        Assert.IsTrue(Call("isValidJSON", "{\"valid\":true}").AsBool);
        Assert.IsFalse(Call("isValidJSON", "{invalid}").AsBool);
        Assert.IsFalse(Call("isValidJSON", "1e400").AsBool);
        Assert.IsTrue(Call("isObject", Parse("{}")).AsBool);
        Assert.IsTrue(Call("isType", Parse("{}"), "object").AsBool);
        Assert.IsFalse(Call("isType", Parse("[]"), "object").AsBool);
        Assert.IsTrue(Call("isType", Parse("[]"), "json").AsBool);
        Assert.IsFalse(Call("isObject", Parse("[]")).AsBool);
        Assert.IsTrue(Call("hasField", Parse("{\"a\":null}"), "a").AsBool);
        Assert.IsTrue(Call("hasMethod", Map(("run", 1)), "run").AsBool);
        Assert.IsFalse(Call("hasField", Arr(1), "a").AsBool);
        Assert.IsTrue(Call("hasTag", Parse("{\"tag\":\"circle\"}"), "circle").AsBool);
        Assert.IsFalse(Call("hasTag", Map(("tag", 1)), "1").AsBool);
        FailsType("hasTag() requires tag value string as second argument", "hasTag", Parse("{}"), 1);
        Assert.IsTrue(ValueEquality.AreEqual(Parse("[1, {\"a\": 2}]"), Parse("[1,{\"a\":2}]")));
        Assert.IsFalse(ValueEquality.AreEqual(Parse("[1]"), Parse("[2]")));
    }
}
