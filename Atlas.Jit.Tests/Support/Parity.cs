namespace Atlas.Jit.Tests.Support;

/// <summary>Runs a program interpreted and with the JIT and asserts both tiers print exactly the same.</summary>
internal static class Parity
{
    /// <summary>
    /// Runs <paramref name="source"/> without the JIT, then with it at each threshold (default 1 and 2: everything
    /// compiled on first call, and tier switches in the middle of calls). Returns the JIT runs, in threshold order.
    /// </summary>
    public static IReadOnlyList<Runs.Outcome> Check(string source, params int[] thresholds)
    {
        if (thresholds.Length == 0) thresholds = [1, 2];
        var interpreted = Runs.Source(source, jit: null);
        var results = new List<Runs.Outcome>();
        foreach (int t in thresholds)
        {
            var compiled = Runs.Source(source, Runs.Jit(t));
            Assert.AreEqual(interpreted.Stdout, compiled.Stdout, $"stdout at threshold {t}");
            Assert.AreEqual(interpreted.Stderr, compiled.Stderr, $"stderr at threshold {t}");
            Assert.AreEqual(interpreted.ExitCode, compiled.ExitCode, $"exit code at threshold {t}");
            results.Add(compiled);
        }
        return results;
    }

    /// <summary>Like <see cref="Check"/> at threshold 1, and asserts that no function (or loop) stayed interpreted.</summary>
    public static Runs.Outcome CheckAllCompiled(string source)
    {
        var run = Check(source, 1)[0];
        Assert.HasCount(1, run.Engines, "the program did not run");
        var stats = run.Engines[0].Stats;
        Assert.IsEmpty(stats.Rejected, stats.Format());
        return run;
    }
}
