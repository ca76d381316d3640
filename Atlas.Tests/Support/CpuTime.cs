using System.Diagnostics;

namespace Atlas.Tests.Support;

/// <summary>
/// The complexity tests' clock (<c>LinearGrowthTests</c>, <c>CompiledLinearGrowthTests</c>): process CPU time, best of a
/// few runs, so that a loaded machine's pauses do not count.
/// </summary>
public static class CpuTime
{
    /// <summary>
    /// The least process CPU time, in seconds, of <paramref name="runs"/> runs each of <paramref name="small"/> and
    /// <paramref name="large"/>, taken in turns: a stretch of interference (another test process on the same cores, say)
    /// then slows runs of both rather than all the runs of one.
    /// </summary>
    public static (double Small, double Large) BestOfEach(Action small, Action large, int runs = 5)
    {
        double bestSmall = double.MaxValue, bestLarge = double.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            bestLarge = Math.Min(bestLarge, Measure(large));
            bestSmall = Math.Min(bestSmall, Measure(small));
        }
        return (bestSmall, bestLarge);
    }

    /// <summary>
    /// Fails unless <paramref name="large"/> (ten times <paramref name="small"/>'s input) takes at most
    /// <paramref name="maxRatio"/> times as long. A ratio over the bound is measured again, up to three times in all: another
    /// process on the same cores can slow the memory-bound large run for seconds at a time, but a copy per step, the
    /// cost these tests look for, takes about a hundred times as long in every attempt.
    /// </summary>
    public static void AssertScales(Action small, Action large, double maxRatio = 15.0)
    {
        double tSmall = 0, tLarge = 0;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            (tSmall, tLarge) = BestOfEach(small, large);
            if (tLarge / tSmall <= maxRatio) return;
        }
        Assert.IsLessThanOrEqualTo(maxRatio, tLarge / tSmall, $"n: {tSmall * 1000:F1} ms, 10n: {tLarge * 1000:F1} ms");
    }

    private static double Measure(Action work)
    {
        // The previous run's garbage (a whole map of 10n entries, say) is collected now rather than during this
        // measurement, whose CPU time would otherwise include the collector's threads working on it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        work();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
    }
}
