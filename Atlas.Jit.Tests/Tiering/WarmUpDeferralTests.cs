using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>
/// With <see cref="JitConfig.DeferWhileWarmingUp"/>, hot code stays interpreted while the warm-up runs and is compiled
/// at the first call or back-edge after it — output unchanged; a threshold of 1 still compiles at once.
/// </summary>
[TestClass]
public sealed class WarmUpDeferralTests
{
    private const string Calls = """
        fn sq(x: number) -> number { return x * x; }
        var s = 0;
        for (var i = 0; i < 200; i++) { s = s + sq(i); }
        print(s);
        """;

    private const string Loop = """
        fn run(n: number) -> number {
            var acc = 0;
            for (var i = 0; i < n; i++) { acc += (i * i) % 7; }
            return acc;
        }
        print(run(5000));
        """;

    private static JitEngine Engine(int threshold, Func<bool> warming) =>
        new(new JitConfig { CompilationThreshold = threshold, DeferWhileWarmingUp = true }) { WarmUpInProgress = warming };

    [TestMethod]
    public void NothingIsCompiledWhileTheWarmUpRuns()
    {
        var engine = Engine(10, () => true);
        var run = Exec.Run(Calls, engine);
        Assert.AreEqual(Exec.Run(Calls, null).Output, run.Output);
        Assert.IsNull(Exec.Function(run.Program, "sq").Compiled);
        Assert.AreEqual(0, engine.Stats.FunctionsCompiled + engine.Stats.LoopEntriesCompiled, engine.Stats.Format());
        Assert.IsTrue(engine.Stats.DeferredForWarmUp > TimeSpan.Zero);
    }

    [TestMethod]
    public void HotFunctionsAreCompiledOnceTheWarmUpHasFinished()
    {
        int asked = 0;
        var engine = Engine(10, () => ++asked < 20);
        var run = Exec.Run(Calls, engine);
        Assert.AreEqual(Exec.Run(Calls, null).Output, run.Output);
        var sq = Exec.Function(run.Program, "sq");
        Assert.IsNotNull(sq.Compiled);
        Assert.IsTrue(engine.CompiledCallsOf(sq) > 0);
    }

    [TestMethod]
    public void ARunningLoopMovesToCompiledCodeOnceTheWarmUpHasFinished()
    {
        // The VM must ask again at later back-edges of the same frame rather than give up on it.
        int asked = 0;
        var engine = Engine(100, () => ++asked < 50);
        var run = Exec.Run(Loop, engine);
        Assert.AreEqual(Exec.Run(Loop, null).Output, run.Output);
        Assert.AreEqual(1, engine.Stats.LoopEntriesCompiled, engine.Stats.Format());
        Assert.AreEqual(1, engine.CompiledCallsOf(Exec.Function(run.Program, "run")));
    }

    [TestMethod]
    public void ThresholdOneNeverWaits()
    {
        var engine = Engine(1, () => true);
        var run = Exec.Run(Calls, engine);
        Assert.IsNotNull(Exec.Function(run.Program, "sq").Compiled);
        Assert.AreEqual(TimeSpan.Zero, engine.Stats.DeferredForWarmUp);
    }
}
