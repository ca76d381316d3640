using Atlas.Hosting;
using Atlas.Semantics;

namespace Atlas.Tests.Hosting;

/// <summary>Globals set and read from .NET: visible to later scripts, type-checked with the Atlas type of their value.</summary>
[TestClass]
public sealed class EngineGlobalsTests
{
    private static AtlasEngine Engine() => new(new AtlasOptions { Output = TextWriter.Null });

    [TestMethod]
    public void GlobalsSetFromDotNetAreSeenByScripts()
    {
        var engine = Engine();
        engine.SetGlobal("price", 12.5);
        engine.SetGlobal("label", "total");
        Assert.AreEqual("total: 25", engine.Evaluate("label + \": \" + str(price * 2)"));
    }

    [TestMethod]
    public void AGlobalGetsTheAtlasTypeOfItsValue()
    {
        var engine = Engine();
        engine.SetGlobal("n", 1);
        engine.SetGlobal("xs", new[] { 1.0, 2.0 });
        engine.SetGlobal("mixed", new object?[] { 1.0, "a" });
        engine.SetGlobal("nothing", null);
        Assert.AreEqual("number", engine.GetGlobalType("n")!.Display);
        Assert.AreEqual("number[]", engine.GetGlobalType("xs")!.Display);
        Assert.AreEqual("?[]", engine.GetGlobalType("mixed")!.Display);
        Assert.AreEqual("null", engine.GetGlobalType("nothing")!.Display);
        Assert.IsNull(engine.GetGlobalType("missing"));
        var e = Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate("let s: string = n;"));
        Assert.AreEqual("AT3001", e.Diagnostics[0].Code);
        Assert.AreEqual(3.0, engine.Evaluate("let m: number = n; m + xs[1]"));
    }

    [TestMethod]
    public void ScriptsAssignHostGlobalsAndTheHostReadsThemBack()
    {
        var engine = Engine();
        engine.SetGlobal("count", 0);
        engine.Evaluate("for (var i = 0; i < 5; i++) { count += 1; }");
        Assert.AreEqual(5.0, engine.GetGlobal("count"));
        Assert.AreEqual(5, engine.GetGlobal<int>("count"));
    }

    [TestMethod]
    public void ScriptDefinitionsAreReadable()
    {
        var engine = Engine();
        engine.Evaluate("let greeting = \"hi\"; var scores = [3, 4]; fn twice(x: number) -> number { return 2 * x; }");
        Assert.AreEqual("hi", engine.GetGlobal<string>("greeting"));
        CollectionAssert.AreEqual(new[] { 3.0, 4.0 }, engine.GetGlobal<double[]>("scores"));
        Assert.IsInstanceOfType<AtlasFunction>(engine.GetGlobal("twice"));
        Assert.IsTrue(engine.TryGetGlobal("greeting", out var value));
        Assert.AreEqual("hi", value);
        Assert.IsFalse(engine.TryGetGlobal("nope", out _));
        Assert.ThrowsExactly<KeyNotFoundException>(() => engine.GetGlobal("nope"));
        CollectionAssert.IsSubsetOf(new[] { "greeting", "scores", "twice" }, engine.GlobalNames.ToList());
    }

    [TestMethod]
    public void FunctionsDefinedEarlierSeeANewValue()
    {
        var engine = Engine();
        engine.SetGlobal("rate", 2);
        engine.Evaluate("fn scaled(x: number) -> number { return x * rate; }");
        Assert.AreEqual(10.0, engine.Call("scaled", 5));
        engine.SetGlobal("rate", 3);
        Assert.AreEqual(15.0, engine.Call("scaled", 5));
    }

    [TestMethod]
    public void AValueThatFitsKeepsTheDeclaredType()
    {
        var engine = Engine();
        engine.Evaluate("var xs: number[] = [1];");
        engine.SetGlobal("xs", Array.Empty<double>());
        Assert.AreEqual("number[]", engine.GetGlobalType("xs")!.Display);
        Assert.AreEqual(0.0, engine.Evaluate("len(xs)"));
    }

    [TestMethod]
    public void ATypeChangeIsRefusedWhileAFunctionReliesOnTheOldType()
    {
        var engine = Engine();
        engine.SetGlobal("limit", 10);
        engine.Evaluate("fn under(x: number) -> bool { return x < limit; }");
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => engine.SetGlobal("limit", "ten"));
        Assert.AreEqual("'limit' cannot become string: 'under' uses it as number", e.Message);
        Assert.AreEqual(true, engine.Call("under", 3), "the old definition stays");
        engine.SetGlobal("unused", 1);
        engine.SetGlobal("unused", "now a string");
        Assert.AreEqual("string", engine.GetGlobalType("unused")!.Display);
    }

    [TestMethod]
    public void AnExplicitTypeCoversWhatTheValueCannotTell()
    {
        var engine = Engine();
        engine.SetGlobal("names", Array.Empty<string>(), "string[]");
        Assert.AreEqual("string[]", engine.GetGlobalType("names")!.Display);
        engine.Evaluate("names.push(\"ann\");");
        CollectionAssert.AreEqual(new[] { "ann" }, engine.GetGlobal<string[]>("names"));
        engine.SetGlobal("maybe", AtlasOption.None, "Option<number>");
        Assert.AreEqual(0.0, engine.Evaluate("match maybe { Some(v) => v, None => 0 };"));
        Assert.ThrowsExactly<ArgumentException>(() => engine.SetGlobal("bad", "text", "number"));
        Assert.ThrowsExactly<ArgumentException>(() => engine.SetGlobal("bad", 1, "number number"));
        engine.Evaluate("type Score = number;");
        engine.SetGlobal("best", 9, "Score");
        Assert.AreSame(AtlasType.Number, engine.GetGlobalType("best"));
    }

    [TestMethod]
    [DataRow("while")]
    [DataRow("two words")]
    [DataRow("1abc")]
    [DataRow("")]
    [DataRow("print")]
    [DataRow("PI")]
    public void NamesScriptsCouldNotDeclareAreRefused(string name) =>
        Assert.ThrowsExactly<ArgumentException>(() => Engine().SetGlobal(name, 1));

    [TestMethod]
    public void ScriptsMayRedeclareAHostGlobal()
    {
        var engine = Engine();
        engine.SetGlobal("mode", "fast");
        engine.Evaluate("let mode = 3;");
        Assert.AreEqual(3.0, engine.GetGlobal("mode"));
        Assert.AreEqual("number", engine.GetGlobalType("mode")!.Display);
    }
}
