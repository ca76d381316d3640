using Atlas.Hosting;
using Atlas.Tests.Support;
using Atlas.Vm;

namespace Atlas.Tests.Hosting;

/// <summary>Compile and runtime errors: what the host gets, and that the engine stays usable with its definitions.</summary>
[TestClass]
public sealed class EngineErrorTests
{
    private static AtlasEngine Engine() => new(new AtlasOptions { Output = TextWriter.Null });

    [TestMethod]
    public void CompileErrorsCarryTheirDiagnosticsAndRenderedText()
    {
        var engine = Engine();
        var e = Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate("let a = 1;\nlet x: number = \"s\";", "calc.atl"));
        Assert.AreEqual("calc.atl:2:1: error[AT3001]: Type mismatch: expected number, found string", e.Message);
        Assert.AreEqual("calc.atl", e.Path);
        Assert.AreEqual("AT3001", e.Diagnostics.Single(d => d.IsError).Code);
        StringAssert.StartsWith(e.Text,
            "calc.atl:2:1: error[AT3001]: Type mismatch: expected number, found string\n 2 | let x: number = \"s\";\n");
        Assert.IsFalse(engine.TryGetGlobal("a", out _), "nothing of the script ran");
    }

    [TestMethod]
    public void SyntaxErrorsToo()
    {
        var e = Assert.ThrowsExactly<AtlasCompileException>(() => Engine().Evaluate("let = 3;"));
        Assert.AreEqual("<eval>:1:1:5: error[AT1004]: Expected a variable name but found Equal", e.Message);
    }

    [TestMethod]
    public void EvaluationsAreNumberedInDiagnostics()
    {
        var engine = Engine();
        engine.Evaluate("1");
        var e = Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate("nope"));
        StringAssert.StartsWith(e.Message, "<eval>:2:1:1: error[AT2002]: Unknown symbol 'nope'");
    }

    [TestMethod]
    public void WarningsAreWrittenAndTheScriptRuns()
    {
        var warnings = new StringWriter();
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null, WarningOutput = warnings });
        Assert.AreEqual(1.0, engine.Evaluate("fn f(unused: number) -> number { return 1; }\nf(2)"));
        StringAssert.StartsWith(warnings.ToString(), "<eval>:1:1:6: warning[AT2001]: Unused parameter 'unused'");
    }

    [TestMethod]
    public void DeniedWarningsStopTheScript()
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null, DenyWarnings = true });
        var e = Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate("fn f(unused: number) -> number { return 1; }"));
        StringAssert.Contains(e.Message, "warning[AT2001]");
        Assert.IsNull(engine.GetGlobalType("f"), "nothing was defined");
    }

    [TestMethod]
    public void RuntimeErrorsAreAtlasRuntimeExceptions()
    {
        var engine = Engine();
        engine.Evaluate("fn inner(x: number) -> number {\n    return x / 0;\n}", "lib.atl");
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("print(\"go\");\ninner(1);", "main.atl"));
        Assert.AreEqual("AT0005", e.Code);
        Assert.AreEqual(RuntimeErrorKind.DivideByZero, e.Kind);
        var lines = engine.FormatError(e).Split('\n');
        Assert.AreEqual("lib.atl:2:12: error[AT0005]: Divide by zero", lines[0]);
        Assert.AreEqual(" 2 |     return x / 0;", lines[1]);
        Assert.AreEqual("  at inner (lib.atl:2:12)", lines[3]);
        Assert.AreEqual("  at <script> (main.atl:2:1)", lines[4]);
    }

    [TestMethod]
    public void TheEngineIsReusedAfterErrorsWithWhatRanBeforeThem()
    {
        var engine = Engine();
        engine.Evaluate("var total = 1;");
        Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate("total = \"x\";"));
        Assert.ThrowsExactly<AtlasRuntimeException>(
            () => engine.Evaluate("let kept = 2;\nlet boom = [1][5];\nlet lost = 3;\nfn hoisted() -> number { return 4; }"));
        Assert.AreEqual(1.0, engine.GetGlobal("total"));
        Assert.AreEqual(2.0, engine.GetGlobal("kept"));
        Assert.IsFalse(engine.TryGetGlobal("boom", out _));
        Assert.IsFalse(engine.TryGetGlobal("lost", out _));
        Assert.AreEqual(7.0, engine.Evaluate("total + kept + hoisted()"), "functions are defined before anything runs");
    }

    [TestMethod]
    public void FilesAreExecutedWithTheirPathInDiagnostics()
    {
        var path = TempFiles.NewFile("atlas-engine-", ".atl", "fn half(x: number) -> number { return x / 2; }\nhalf(9)");
        try
        {
            var engine = Engine();
            Assert.AreEqual(4.5, engine.ExecuteFile(path));
            Assert.AreEqual(2.0, engine.Call("half", 4));
            File.WriteAllText(path, "half(\"x\")");
            var e = Assert.ThrowsExactly<AtlasCompileException>(() => engine.ExecuteFile(path));
            StringAssert.StartsWith(e.Message, path + ":1:6: error[AT3001]");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void CallsFromDotNetAreChecked()
    {
        var engine = Engine();
        engine.Evaluate("fn add(a: number, b: number) -> number { return a + b; } let notFn = 1;");
        Assert.AreEqual(3.0, engine.Call("add", 1, 2));
        Assert.AreEqual(3, engine.Call<int>("add", 1, 2));
        Assert.ThrowsExactly<ArgumentException>(() => engine.Call("add", 1));
        var e = Assert.ThrowsExactly<ArgumentException>(() => engine.Call("add", 1, "2"));
        StringAssert.StartsWith(e.Message, "argument 2 of add is a string, which does not fit number");
        Assert.ThrowsExactly<ArgumentException>(() => engine.Call("notFn"));
        Assert.ThrowsExactly<ArgumentException>(() => engine.Call("missing"));
        var fn = (AtlasFunction)engine.GetGlobal("add")!;
        Assert.ThrowsExactly<ArgumentException>(() => engine.Call(fn, "a", "b"));
    }

    [TestMethod]
    public void RuntimeErrorsInCallsAreAtlasErrorsToo()
    {
        var engine = Engine();
        engine.Evaluate("fn at(xs: number[], i: number) -> number { return xs[i]; }");
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Call("at", new[] { 1.0 }, 3));
        Assert.AreEqual("AT0006", e.Code);
        StringAssert.Contains(engine.FormatError(e), "  at at (<eval>:1:");
        Assert.AreEqual(1.0, engine.Call("at", new[] { 1.0 }, 0));
    }
}
