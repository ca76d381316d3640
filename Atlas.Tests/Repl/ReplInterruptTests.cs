using System.Diagnostics;
using Atlas.Repl.Repl;

namespace Atlas.Tests.Repl;

/// <summary>Ctrl+C while an entry runs (repl.md "Interaction"): AT0010, and the session goes on.</summary>
[TestClass]
public sealed class ReplInterruptTests
{
    [TestMethod]
    public void InfiniteLoopIsInterruptedAndTheSessionGoesOn()
    {
        var repl = new ReplHarness(new MarkingJit { Threshold = 1 });
        repl.Ok("var spins = 0;");
        repl.Ok("fn spin() { while (true) { spins += 1; } }");
        var (outcome, stderr) = RunInterrupted(repl, "spin();");
        Assert.AreEqual(EntryOutcome.Interrupted, outcome);
        StringAssert.StartsWith(stderr, "<repl>:2:1:");
        StringAssert.Contains(stderr, "error[AT0010]: Execution cancelled");
        StringAssert.Contains(stderr, "  at spin (<repl>:2:1:");
        StringAssert.Contains(stderr, "  at <script> (<repl>:3:1:1)");
        // Definitions stay, and the global kept the value it had when the loop stopped.
        var spins = repl.Ok("spins");
        Assert.AreNotEqual("0 : number\n", spins);
        Assert.AreEqual("3 : number\n", repl.Ok("1 + 2"));
    }

    [TestMethod]
    public void TopLevelLoopIsInterrupted()
    {
        var repl = new ReplHarness();
        var (outcome, stderr) = RunInterrupted(repl, "var i = 0;\nwhile (true) { i = i + 1; }");
        Assert.AreEqual(EntryOutcome.Interrupted, outcome);
        StringAssert.Contains(stderr, "error[AT0010]: Execution cancelled");
        Assert.AreNotEqual("0 : number\n", repl.Ok("i"), "i was defined before the loop started");
    }

    [TestMethod]
    public void InterruptWithNothingRunningDoesNothing()
    {
        var repl = new ReplHarness();
        Assert.IsFalse(repl.Session.Interrupt());
        Assert.AreEqual("1 : number\n", repl.Ok("1"), "a stale interrupt does not cancel the next entry");
    }

    /// <summary>Submits the entry, interrupts it once it has surely started, and waits for it to stop.</summary>
    private static (EntryOutcome Outcome, string Err) RunInterrupted(ReplHarness repl, string entry)
    {
        var clock = Stopwatch.StartNew();
        var stopper = Task.Run(async () =>
        {
            await Task.Delay(200);
            while (!repl.Session.Interrupt()) await Task.Delay(20);
        });
        var (outcome, _, stderr) = repl.Enter(entry);
        stopper.Wait();
        Assert.IsLessThan(10_000, clock.ElapsedMilliseconds, "the entry stopped promptly");
        return (outcome, stderr);
    }
}
