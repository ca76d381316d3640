using Atlas.Jit.Tests.TierParity.Harness;
using Atlas.Jit.Tests.TierParity.Mutation;

namespace Atlas.Jit.Tests.TierParity;

/// <summary>
/// Valid prototypes with random corruption: the validator rejects the result, or the interpreter and the JIT (mostly at
/// threshold 1, sometimes mid-run) run it to the same end — never an unhandled .NET exception, never a hang.
/// </summary>
[TestClass]
public sealed class MutatedBytecodeParityTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ValidatorRejectsOrBothTiersAgree()
    {
        var coverage = new JitCoverage("mutated bytecode");
        int rejected = 0, accepted = 0;
        PropertyRunner.Check("mutated bytecode", MutationCase.Arbitrary, c =>
        {
            if (c.BuildBase() == null) return; // a shrunk base that no longer builds is not a counterexample
            var (_, rejections) = c.Build();
            if (rejections.Count > 0)
            {
                Interlocked.Increment(ref rejected);
                return;
            }
            Interlocked.Increment(ref accepted);
            ParityCheck.Compare(() => c.Build().Program,
                run => c.ThresholdPercent == 0 ? 1 : BytecodeParityTests.MidRun(run, c.ThresholdPercent), coverage);
        });
        TestContext.WriteLine($"validator rejected {rejected} programs, accepted {accepted}");
        TestContext.WriteLine(coverage.Report());
    }
}
