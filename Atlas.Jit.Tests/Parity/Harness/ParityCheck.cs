using Atlas.Bytecode;

namespace Atlas.Jit.Tests.TierParity.Harness;

/// <summary>
/// The parity verdict for one program: runs it interpreted and with a JIT, and throws a report unless both behave the
/// same and neither crashed or hung. The report holds both tiers' behaviour and the JIT's statistics; the program
/// itself is printed by the case's ToString (FsCheck shows the shrunk case).
/// </summary>
internal static class ParityCheck
{
    /// <summary>Interpreted run first, then a JIT run at the threshold <paramref name="threshold"/> picks from it.</summary>
    public static (TierRunner.Run Interpreted, TierRunner.Run Jit) Compare(
        Func<CompiledProgram> build, Func<TierRunner.Run, int> threshold, JitCoverage? coverage = null, int cacheLimit = 10_000)
    {
        var interpreted = TierRunner.Execute(build, null);
        int t = threshold(interpreted);
        var jit = TierRunner.Execute(build, t, cacheLimit);
        coverage?.Record(jit, interpreted);
        Require(interpreted, jit, t, cacheLimit);
        return (interpreted, jit);
    }

    /// <summary>Throws unless the two runs agree and neither failed.</summary>
    public static void Require(TierRunner.Run interpreted, TierRunner.Run jit, int threshold, int cacheLimit = 10_000)
    {
        var a = interpreted.Outcome;
        var b = jit.Outcome;
        string? problem = a.Failed || b.Failed ? "a tier crashed or hung"
            : TimedOut(a) || TimedOut(b) ? (SamePrefix(a.Output, b.Output) ? null : "the tiers printed different things")
            : a.Behaviour != b.Behaviour ? "the tiers disagree"
            : null;
        if (problem == null) return;
        throw new ParityException(
            $"{problem} (JIT threshold {threshold}, code cache {cacheLimit})\n" +
            $"--- interpreter ---\n{a.Behaviour}\n" +
            $"--- JIT ---\n{b.Behaviour}\n" +
            $"--- JIT statistics ---\n{jit.Engine?.Stats.Format()}");
    }

    /// <summary>
    /// Whether a run ended on the wall-clock timeout, the safety net behind the fuel (<see cref="TierRunner"/>): where that
    /// happens depends on the machine's speed, so such a run is compared only as far as both tiers got.
    /// </summary>
    private static bool TimedOut(TierOutcome outcome) => outcome.ErrorKind == Atlas.Vm.RuntimeErrorKind.Timeout;

    /// <summary>Whether the shorter output is the start of the longer one.</summary>
    private static bool SamePrefix(string x, string y) =>
        x.Length <= y.Length ? y.StartsWith(x, StringComparison.Ordinal) : x.StartsWith(y, StringComparison.Ordinal);
}
