using Atlas.Jit.Tests.TierParity.Harness;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity;

/// <summary>
/// The parity harness's verdict on two runs' outcomes: where a run stops on the clock depends on the machine, so slow runs
/// are compared as far as both printed; a hang beside a finished run, a crash or a different ending is still a failure.
/// </summary>
[TestClass]
public sealed class ParityVerdictTests
{
    private static TierOutcome Timeout(string output) =>
        TierOutcome.Raised(output, new AtlasRuntimeException(RuntimeErrorKind.Timeout, span: null));

    private static TierOutcome Result(string output) => TierOutcome.Returned(output, Value.Number(1));

    [TestMethod]
    public void AHangBesideATimeoutIsComparedAsFarAsBothPrinted()
    {
        // A program whose steps are slow (a string doubled in a loop): the watchdog in one tier, the timeout in the other.
        Assert.IsNull(ParityCheck.Verdict(TierOutcome.TimedOut("a\nb\n"), Timeout("a\nb\nc\n")));
        Assert.IsNull(ParityCheck.Verdict(Timeout("a\n"), TierOutcome.TimedOut("a\nb\n")));
        Assert.AreEqual("the tiers printed different things",
            ParityCheck.Verdict(TierOutcome.TimedOut("a\nb\n"), Timeout("a\nx\nc\n")));
    }

    [TestMethod]
    public void AHangBesideAFinishedRunIsAFailure()
    {
        Assert.AreEqual("a tier hung", ParityCheck.Verdict(Result("a\n"), TierOutcome.TimedOut("a\n")));
        Assert.AreEqual("a tier hung", ParityCheck.Verdict(TierOutcome.TimedOut("a\n"), Result("a\n")));
    }

    [TestMethod]
    public void CrashesAndDifferentEndingsAreFailures()
    {
        var crash = TierOutcome.Crashed("a\n", new InvalidOperationException("boom"));
        Assert.AreEqual("a tier crashed", ParityCheck.Verdict(Timeout("a\n"), crash));
        Assert.AreEqual("the tiers disagree", ParityCheck.Verdict(Result("a\n"), Result("b\n")));
        Assert.IsNull(ParityCheck.Verdict(Result("a\n"), Result("a\n")));
    }
}
