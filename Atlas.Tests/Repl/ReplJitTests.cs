using Atlas.Jit;
using Atlas.Repl.Jit;
using Atlas.Repl.Repl;

namespace Atlas.Tests.Repl;

/// <summary>The REPL with the real JIT (Atlas.Jit's engine through <see cref="EngineReplJit"/>), compiling on the first call.</summary>
[TestClass]
public sealed class ReplJitTests
{
    private static (ReplHarness Repl, EngineReplJit Jit) Session()
    {
        var jit = new EngineReplJit(new JitEngine(new JitConfig { CompilationThreshold = 1 }), threshold: 1);
        return (new ReplHarness(jit), jit);
    }

    [TestMethod]
    public void CompiledCallerUsesTheRedefinedFunction()
    {
        var (repl, _) = Session();
        repl.Ok("fn f(x: number) -> number { return x + 1; }");
        repl.Ok("fn g() -> number { var s = 0; for (var i = 0; i < 3; i++) { s += f(i); } return s; }");
        Assert.AreEqual("6 : number\n", repl.Ok("g()"));
        var oldF = repl.Session.FunctionNamed("f")!;
        var g = repl.Session.FunctionNamed("g")!;
        Assert.IsNotNull(g.Compiled, "g is compiled (threshold 1)");
        Assert.IsNotNull(oldF.Compiled, "f is compiled");

        repl.Ok("fn f(x: number) -> number { return x * 100; }");
        Assert.IsNull(oldF.Compiled, "the old f's code is invalidated");
        Assert.AreEqual("300 : number\n", repl.Ok("g()"));
        Assert.IsNotNull(g.Compiled, "g kept its compiled code and still reached the new f");
        Assert.AreEqual("300 : number\n", repl.Ok("g()"));
    }

    [TestMethod]
    public void CompiledFunctionSeesARedefinedVariable()
    {
        var (repl, _) = Session();
        repl.Ok("let factor = 2;");
        repl.Ok("fn scale(x: number) -> number { return x * factor; }");
        Assert.AreEqual("10 : number\n", repl.Ok("scale(5)"));
        Assert.IsNotNull(repl.Session.FunctionNamed("scale")!.Compiled);
        repl.Ok("let factor = 7;");
        Assert.AreEqual("35 : number\n", repl.Ok("scale(5)"));
    }

    [TestMethod]
    public void InfiniteLoopInCompiledCodeIsInterrupted()
    {
        var (repl, _) = Session();
        repl.Ok("var spins = 0;");
        repl.Ok("fn spin() { while (true) { spins += 1; } }");
        var stopper = Task.Run(async () =>
        {
            await Task.Delay(300);
            while (!repl.Session.Interrupt()) await Task.Delay(20);
        });
        var (outcome, _, stderr) = repl.Enter("spin();");
        stopper.Wait();
        Assert.AreEqual(EntryOutcome.Interrupted, outcome);
        Assert.IsNotNull(repl.Session.FunctionNamed("spin")!.Compiled, "the loop ran in compiled code");
        StringAssert.Contains(stderr, "error[AT0010]: Execution cancelled");
        StringAssert.Contains(stderr, "  at spin (<repl>:2:1:");
        Assert.AreEqual("4 : number\n", repl.Ok("2 + 2"));
    }

    [TestMethod]
    public void RuntimeErrorInCompiledCodeNamesTheEntries()
    {
        var (repl, _) = Session();
        repl.Ok("fn inner(x: number) -> number {\n    return x / 0;\n}");
        repl.Ok("fn outer() -> number { return inner(1); }");
        var (_, _, stderr) = repl.Enter("outer()");
        var lines = stderr.Split('\n');
        Assert.AreEqual("<repl>:1:2:12: error[AT0005]: Divide by zero", lines[0]);
        Assert.AreEqual("  at inner (<repl>:1:2:12)", lines[3]);
        Assert.AreEqual("  at outer (<repl>:2:1:31)", lines[4]);
        Assert.AreEqual("  at <script> (<repl>:3:1:1)", lines[5]);
    }

    [TestMethod]
    public void JitCommandsDriveTheEngine()
    {
        var (repl, jit) = Session();
        repl.Ok("fn f() -> number { return 1; }\nf();");
        var stats = repl.Command(":jit").Out;
        StringAssert.StartsWith(stats, "JIT on, threshold 1\nJIT statistics\n");
        Assert.AreEqual("JIT threshold 5\n", repl.Command(":jit threshold 5").Out);
        Assert.AreEqual(5, jit.Threshold);
        StringAssert.Contains(repl.Command(":disasm f").Out, "-- compiled tree --");
        repl.Command(":jit off");
        Assert.IsNull(repl.Session.FunctionNamed("f")!.Compiled, ":jit off drops compiled code");
        repl.Ok("f()");
        Assert.IsNull(repl.Session.FunctionNamed("f")!.Compiled, "nothing is compiled while the JIT is off");
    }
}
