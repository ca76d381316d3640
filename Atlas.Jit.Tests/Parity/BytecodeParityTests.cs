using Atlas.Jit.Tests.TierParity.Bytecode;
using Atlas.Jit.Tests.TierParity.Harness;

namespace Atlas.Jit.Tests.TierParity;

/// <summary>
/// Random valid bytecode, built directly as prototypes: the JIT must never change what a program does — same result,
/// same printed output, same runtime error (code, message, span, Atlas call stack) as the interpreter.
/// </summary>
[TestClass]
public sealed class BytecodeParityTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void JitAtThresholdOneAgreesWithTheInterpreter()
    {
        var coverage = new JitCoverage("random bytecode, threshold 1");
        PropertyRunner.Check("random bytecode, JIT at threshold 1", BytecodeCase.Arbitrary,
            c => Check(c, _ => 1, coverage));
        TestContext.WriteLine(coverage.Report());
        // The generator must keep reaching compiled code, or the property proves little.
        Assert.IsGreaterThan(0.95, coverage.CompiledFunctionShare, coverage.Report());
    }

    [TestMethod]
    public void JitSwitchingTierMidRunAgreesWithTheInterpreter()
    {
        var coverage = new JitCoverage("random bytecode, mid-run threshold");
        PropertyRunner.Check("random bytecode, JIT threshold in the middle of the run", BytecodeCase.Arbitrary,
            c => Check(c, run => MidRun(run, c.ThresholdPercent), coverage, c.CacheLimit));
        TestContext.WriteLine(coverage.Report());
    }

    /// <summary>A threshold the hottest prototype reaches part-way through the run: functions compile between calls, loops by on-stack replacement.</summary>
    internal static int MidRun(TierRunner.Run interpreted, int percent) =>
        Math.Max(2, (int)Math.Ceiling(TierRunner.HottestCounter(interpreted.Program) * percent / 100.0));

    private static void Check(BytecodeCase c, Func<TierRunner.Run, int> threshold, JitCoverage coverage, int cacheLimit = 10_000)
    {
        if (c.Shrunk && !Builds(c)) return;
        ParityCheck.Compare(c.Build, threshold, c.Shrunk ? null : coverage, cacheLimit);
    }

    /// <summary>Shrinking may produce a candidate that no longer lowers; it is simply not a counterexample.</summary>
    private static bool Builds(BytecodeCase c)
    {
        try
        {
            c.Build();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
