using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>What <see cref="JitStats"/> reports about compilations: per-phase time, the slowest compilations, the p50.</summary>
[TestClass]
public sealed class CompileStatsTests
{
    private static JitEngine RunWithEngine(string source)
    {
        var program = Exec.Compile(source);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        new Interpreter { Tiering = engine, Out = TextWriter.Null }.Run(program);
        return engine;
    }

    [TestMethod]
    public void EveryPhaseIsReportedAndACompilationChargesEmissionAndMachineCode()
    {
        var stats = RunWithEngine("fn sq(x: number) -> number { return x * x; } print(sq(3));").Stats;
        CollectionAssert.AreEquivalent(Enum.GetValues<CompilePhase>(), stats.CompileTimeByPhase.Keys.ToArray());
        Assert.IsTrue(stats.CompileTimeByPhase[CompilePhase.Emission] > TimeSpan.Zero, stats.Format());
        Assert.IsTrue(stats.CompileTimeByPhase[CompilePhase.MachineCode] > TimeSpan.Zero, stats.Format());
        var phases = stats.CompileTimeByPhase.Values.Aggregate(TimeSpan.Zero, (a, t) => a + t);
        Assert.IsTrue(phases <= stats.CompileTimeTotal, $"phases {phases} exceed the total {stats.CompileTimeTotal}");
        StringAssert.Contains(stats.Format(), "machine code (.NET JIT)");
    }

    [TestMethod]
    public void SlowestCompilesNameEachCompiledFunctionAndTheP50IsTheLowerMiddle()
    {
        var stats = RunWithEngine("fn a(x: number) -> number { return x + 1; } fn b(x: number) -> number { return a(x) * 2; } print(b(1));").Stats;
        var names = stats.SlowestCompiles.Select(c => c.What).ToList();
        CollectionAssert.IsSubsetOf(new[] { "a", "b" }, names);
        var times = stats.SlowestCompiles.Select(c => c.Time).Order().ToList();
        Assert.AreEqual(stats.FunctionsCompiled, times.Count);
        Assert.AreEqual(times[^1], stats.CompileTimeMax);
        Assert.AreEqual(times[(times.Count - 1) / 2], stats.CompileTimeMedian);
    }
}
