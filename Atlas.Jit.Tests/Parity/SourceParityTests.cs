using Atlas.Jit.Tests.TierParity.Harness;
using Atlas.Jit.Tests.TierParity.Source;

namespace Atlas.Jit.Tests.TierParity;

/// <summary>
/// Random well-typed Atlas programs through the whole front end (parser, checker, compiler): the JIT must never change
/// what a program does — same result, same printed output, same runtime error (code, message, span, Atlas call stack).
/// </summary>
[TestClass]
public sealed class SourceParityTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void JitAtThresholdOneAgreesWithTheInterpreter()
    {
        var coverage = new JitCoverage("random programs, threshold 1");
        PropertyRunner.Check("random programs, JIT at threshold 1", SourceCase.Arbitrary, c => Check(c, _ => 1, coverage));
        TestContext.WriteLine(coverage.Report());
        // The generator must keep reaching compiled code, or the property proves little.
        Assert.IsGreaterThan(0.95, coverage.CompiledFunctionShare, coverage.Report());
    }

    [TestMethod]
    public void JitSwitchingTierMidRunAgreesWithTheInterpreter()
    {
        var coverage = new JitCoverage("random programs, mid-run threshold");
        PropertyRunner.Check("random programs, JIT threshold in the middle of the run", SourceCase.Arbitrary,
            c => Check(c, run => BytecodeParityTests.MidRun(run, c.ThresholdPercent), coverage, c.CacheLimit));
        TestContext.WriteLine(coverage.Report());
    }

    private static void Check(SourceCase c, Func<TierRunner.Run, int> threshold, JitCoverage coverage, int cacheLimit = 10_000)
    {
        var (program, diagnostics) = c.Compile();
        if (program == null)
        {
            // A shrinking step may break the program; a generated one must compile.
            if (c.Shrunk) return;
            throw new InvalidOperationException($"the generator produced a program that does not compile:\n{diagnostics}");
        }
        ParityCheck.Compare(c.Build, threshold, c.Shrunk ? null : coverage, cacheLimit);
    }
}
