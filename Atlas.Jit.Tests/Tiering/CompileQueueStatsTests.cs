using System.Diagnostics;
using Atlas.Jit.Tiering;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>The queue's figures: queued-to-installed p50 (nearest rank, lower middle) and max over every install.</summary>
[TestClass]
public sealed class CompileQueueStatsTests
{
    [TestMethod]
    public void LatenciesBeyondTheInitialRoomAreAllKeptAndTheP50IsTheLowerMiddle()
    {
        var stats = new CompileQueueStats();
        Assert.AreEqual(TimeSpan.Zero, stats.Snapshot().LatencyMedian, "no install yet");
        // Installs queued 1 … 40 seconds ago, recorded out of order.
        foreach (int seconds in Enumerable.Range(1, 40).OrderBy(s => (s * 17) % 41))
            stats.RecordInstalled(Stopwatch.GetTimestamp() - seconds * Stopwatch.Frequency);
        var figures = stats.Snapshot();
        Assert.AreEqual(40, figures.Installed);
        Assert.IsTrue(figures.LatencyMedian >= TimeSpan.FromSeconds(20) && figures.LatencyMedian < TimeSpan.FromSeconds(21),
            figures.LatencyMedian.ToString());
        Assert.IsTrue(figures.LatencyMax >= TimeSpan.FromSeconds(40) && figures.LatencyMax < TimeSpan.FromSeconds(41),
            figures.LatencyMax.ToString());
    }
}
