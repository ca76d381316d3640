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
        string? problem = Verdict(a, b);
        if (problem == null) return;
        throw new ParityException(
            $"{problem} (JIT threshold {threshold}, code cache {cacheLimit})\n" +
            $"--- interpreter ---\n{a.Behaviour}\n" +
            $"--- JIT ---\n{b.Behaviour}\n" +
            $"--- JIT statistics ---\n{jit.Engine?.Stats.Format()}");
    }

    /// <summary>What is wrong when the interpreter did <paramref name="a"/> and the JIT <paramref name="b"/>; null: they agree.</summary>
    internal static string? Verdict(TierOutcome a, TierOutcome b) =>
        a.Crash != null || b.Crash != null ? "a tier crashed"
        : Slow(a) && Slow(b) ? (SamePrefix(a.Output, b.Output) ? null : "the tiers printed different things")
        : a.Hung || b.Hung ? "a tier hung"
        : TimedOut(a) || TimedOut(b) ? (SamePrefix(a.Output, b.Output) ? null : "the tiers printed different things")
        : a.Behaviour != b.Behaviour ? "the tiers disagree"
        : null;

    /// <summary>
    /// Whether a run ended on the wall-clock timeout, the safety net behind the fuel (<see cref="TierRunner"/>): where that
    /// happens depends on the machine's speed, so such a run is compared only as far as both tiers got.
    /// </summary>
    private static bool TimedOut(TierOutcome outcome) => outcome.ErrorKind == Atlas.Vm.RuntimeErrorKind.Timeout;

    /// <summary>
    /// Whether a run ended on the timeout or on the watchdog. A run that counts fuel checks the clock only with the fuel
    /// (every <see cref="Atlas.Vm.Interpreter.BudgetInterval"/> back-edges and calls), so a program whose steps are slow
    /// (a string or array doubled in a loop) can outlast the watchdog in one tier and stop on the timeout in the other:
    /// when both tiers are slow, that is the program, not a hang.
    /// </summary>
    private static bool Slow(TierOutcome outcome) => outcome.Hung || TimedOut(outcome);

    /// <summary>Whether the shorter output is the start of the longer one.</summary>
    private static bool SamePrefix(string x, string y) =>
        x.Length <= y.Length ? y.StartsWith(x, StringComparison.Ordinal) : x.StartsWith(y, StringComparison.Ordinal);
}
