using Atlas.Jit.Tests.Support;
using Atlas.Repl.Cli;

namespace Atlas.Jit.Tests.Execution;

/// <summary>Time and cancellation budgets are checked in compiled loops and calls exactly as in the interpreter.</summary>
[TestClass]
public sealed class BudgetTests
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(100)]
    public void AnEndlessCompiledLoopTimesOut(int threshold)
    {
        var run = Runs.Source("""
            fn spin() -> number { var i = 0; while (true) { i = i + 1; } return i; }
            print(spin());
            """, Runs.Jit(threshold), new RunOptions { TimeoutSeconds = 0.3 });
        Assert.AreEqual(1, run.ExitCode);
        StringAssert.Contains(run.Stderr, "error[AT0009]: Execution timed out after 0.3 s");
        StringAssert.Contains(run.Stderr, "at spin (test.atl:1:");
        Assert.IsGreaterThanOrEqualTo(1, run.Engines[0].Stats.FunctionsCompiled + run.Engines[0].Stats.LoopEntriesCompiled);
    }

    [TestMethod]
    public void EndlessCompiledRecursionWithinTheDepthLimitTimesOut()
    {
        var run = Runs.Source("""
            fn f(n: number) -> number { if (n > 100) { return 0; } return f(n + 1) + f(n + 1); }
            print(f(0));
            """, Runs.Jit(1), new RunOptions { TimeoutSeconds = 0.3 });
        StringAssert.Contains(run.Stderr, "error[AT0009]");
    }
}
