using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Hosting;

/// <summary>Values crossing between Atlas and .NET: what Evaluate returns, and what SetGlobal makes of .NET objects.</summary>
[TestClass]
public sealed class EngineValueTests
{
    private static AtlasEngine Engine() => new(new AtlasOptions { Output = TextWriter.Null });

    [TestMethod]
    public void ScalarsBecomeTheirDotNetForms()
    {
        var engine = Engine();
        Assert.AreEqual(3.0, engine.Evaluate("1 + 2"));
        Assert.AreEqual("ab", engine.Evaluate("\"a\" + \"b\""));
        Assert.AreEqual(true, engine.Evaluate("1 < 2"));
        Assert.IsNull(engine.Evaluate("null"));
    }

    [TestMethod]
    public void ScriptsWithoutACompletionValueGiveNull()
    {
        var engine = Engine();
        Assert.IsNull(engine.Evaluate("let x = 1;"));
        Assert.IsNull(engine.Evaluate("fn f() -> number { return 1; }"));
        Assert.IsNull(engine.Evaluate("print(\"hi\")"));
    }

    [TestMethod]
    public void ArraysBecomeObjectArraysAndCopy()
    {
        var engine = Engine();
        engine.Evaluate("var xs = [[1, 2], [3]];");
        var xs = (object?[])engine.GetGlobal("xs")!;
        CollectionAssert.AreEqual(new object?[] { 1.0, 2.0 }, (object?[])xs[0]!);
        CollectionAssert.AreEqual(new object?[] { 3.0 }, (object?[])xs[1]!);
        ((object?[])xs[0]!)[0] = 99.0;
        Assert.AreEqual(1.0, engine.Evaluate("xs[0][0]"), "the .NET array is a copy");
    }

    [TestMethod]
    public void OptionsAndResultsHaveRecordForms()
    {
        var engine = Engine();
        Assert.AreEqual(AtlasOption.Some(3.0), engine.Evaluate("Some(3)"));
        Assert.AreEqual(AtlasOption.None, engine.Evaluate("let n: Option<number> = None; n"));
        Assert.AreEqual(AtlasResult.Ok("x"), engine.Evaluate("Ok(\"x\")"));
        Assert.AreEqual(AtlasResult.Err("bad"), engine.Evaluate("Err(\"bad\")"));
        Assert.AreEqual("Some(3)", engine.Evaluate("Some(3)")!.ToString());
    }

    [TestMethod]
    public void CollectionsBecomeDotNetCollections()
    {
        var engine = Engine();
        var map = (Dictionary<object, object?>)engine.Evaluate("var m = hashMapNew(); hashMapPut(m, \"a\", 1); hashMapPut(m, null, 2); m")!;
        Assert.AreEqual(1.0, map["a"]);
        Assert.AreEqual(2.0, map[DBNull.Value], "the null key has a stand-in");
        var set = (HashSet<object>)engine.Evaluate("var s = hashSetNew(); hashSetAdd(s, 1); hashSetAdd(s, \"b\"); s")!;
        Assert.IsTrue(set.SetEquals([1.0, "b"]));
        var queue = (Queue<object?>)engine.Evaluate("var q = queueNew(); queueEnqueue(q, 1); queueEnqueue(q, 2); q")!;
        Assert.AreEqual(1.0, queue.Peek());
        var stack = (Stack<object?>)engine.Evaluate("var st = stackNew(); stackPush(st, 1); stackPush(st, 2); st")!;
        Assert.AreEqual(2.0, stack.Peek());
    }

    [TestMethod]
    public void TypedEvaluationConverts()
    {
        var engine = Engine();
        Assert.AreEqual(42, engine.Evaluate<int>("40 + 2"));
        Assert.AreEqual(7L, engine.Evaluate<long>("7"));
        CollectionAssert.AreEqual(new[] { 1.0, 2.0 }, engine.Evaluate<double[]>("[1, 2]"));
        CollectionAssert.AreEqual(new List<string> { "a", "b" }, engine.Evaluate<List<string>>("split(\"a,b\", \",\")"));
        Assert.AreEqual(2, engine.Evaluate<IReadOnlyList<double>>("[5, 6]").Count);
        var map = engine.Evaluate<Dictionary<string, double>>("var m = hashMapNew(); hashMapPut(m, \"k\", 4); m");
        Assert.AreEqual(4.0, map["k"]);
        Assert.AreEqual("x", engine.Evaluate<string>("\"x\""));
        Assert.AreEqual(3.0, engine.Evaluate<Value>("3").AsNumber);
    }

    [TestMethod]
    [DataRow("1.5", "expected a whole number, got 1.5")]
    [DataRow("\"1\"", "expected number, got string")]
    public void TypedEvaluationRefusesValuesThatDoNotFit(string source, string message)
    {
        var e = Assert.ThrowsExactly<InvalidCastException>(() => Engine().Evaluate<int>(source));
        Assert.AreEqual(message, e.Message);
    }

    [TestMethod]
    public void FunctionValuesComeBackCallable()
    {
        var engine = Engine();
        var add = (AtlasFunction)engine.Evaluate("fn add(a: number, b: number) -> number { return a + b; } add")!;
        Assert.AreEqual("add", add.Name);
        Assert.AreEqual(5.0, engine.Call(add, 2, 3));
        var closure = engine.Evaluate<AtlasFunction>("let k = 10; fn make() -> (number) -> number { fn inner(x: number) -> number { return x + k; } return inner; } make()");
        Assert.AreEqual(11.0, engine.Call(closure, 1));
    }

    [TestMethod]
    public void DotNetValuesBecomeAtlasValues()
    {
        var engine = Engine();
        engine.SetGlobal("i", 3);
        engine.SetGlobal("c", 'z');
        engine.SetGlobal("list", new List<double> { 1, 2, 3 });
        engine.SetGlobal("names", new[] { "a", "b" });
        engine.SetGlobal("ages", new Dictionary<string, int> { ["ann"] = 31 });
        engine.SetGlobal("tags", new HashSet<string> { "x" });
        engine.SetGlobal("maybe", AtlasOption.Some(2));
        engine.SetGlobal("outcome", AtlasResult.Err("no"));
        engine.SetGlobal("queue", new Queue<int>([1, 2]));
        engine.SetGlobal("stack", new Stack<int>([1, 2]));
        Assert.AreEqual("3 z [1, 2, 3] [a, b]", engine.Evaluate("str(i) + \" \" + c + \" \" + str(list) + \" \" + str(names)"));
        Assert.AreEqual(31.0, engine.Evaluate("unwrap(hashMapGet(ages, \"ann\"))"));
        Assert.AreEqual(true, engine.Evaluate("hashSetHas(tags, \"x\")"));
        Assert.AreEqual(4.0, engine.Evaluate("match maybe { Some(v) => v * 2, None => 0 };"));
        Assert.AreEqual("no", engine.Evaluate("match outcome { Ok(v) => \"ok\", Err(e) => e };"));
        Assert.AreEqual(AtlasOption.Some(1.0), engine.Evaluate("queuePeek(queue)"));
        Assert.AreEqual(AtlasOption.Some(2.0), engine.Evaluate("stackPeek(stack)"), "the top stays on top");
    }

    [TestMethod]
    public void ObjectsWithoutAnAtlasFormAreRefused()
    {
        var engine = Engine();
        Assert.ThrowsExactly<ArgumentException>(() => engine.SetGlobal("x", new object()));
        Assert.ThrowsExactly<ArgumentException>(() => engine.SetGlobal("m", new Dictionary<object, int> { [new[] { 1 }] = 1 }));
    }

    [TestMethod]
    public void ConversionsRoundTrip()
    {
        object?[] samples = [1.5, "s", true, null, new object?[] { 1.0, "a", null }, AtlasOption.Some("x"), AtlasResult.Ok(2.0)];
        foreach (var sample in samples)
        {
            var back = ValueConversion.ToObject(ValueConversion.FromObject(sample));
            if (sample is object?[] array) CollectionAssert.AreEqual(array, (object?[])back!);
            else Assert.AreEqual(sample, back);
        }
    }
}
