using System.Diagnostics;

namespace Atlas.Jit.Tiering;

/// <summary>
/// What the background compilation did for one engine: jobs queued, how they ended, the time from queued to installed,
/// and the time the VM thread spent waiting for the compiler. Written by the VM thread and the compiler thread, hence
/// its own small lock (never held while compiling).
/// </summary>
internal sealed class CompileQueueStats
{
    private readonly Lock _gate = new();
    /// <summary>
    /// Queued-to-installed times in ticks, the first <see cref="_latencyCount"/> used. An array, not a list of TimeSpan:
    /// that is a generic instantiation over a value type ReadyToRun cannot precompile, paid in the first compile.
    /// </summary>
    private long[] _latencyTicks = new long[16];
    private int _latencyCount;
    private long _queued, _installed, _refused, _stale, _crashed, _waitTicks;

    public void RecordQueued()
    {
        lock (_gate) _queued++;
    }

    /// <summary>A job installed its code; <paramref name="queuedAt"/> is its <see cref="CompileJob.QueuedAt"/>.</summary>
    public void RecordInstalled(long queuedAt)
    {
        var latency = Stopwatch.GetElapsedTime(queuedAt);
        lock (_gate)
        {
            _installed++;
            if (_latencyCount == _latencyTicks.Length)
            {
                var larger = new long[_latencyTicks.Length * 2];
                Array.Copy(_latencyTicks, larger, _latencyCount);
                _latencyTicks = larger;
            }
            _latencyTicks[_latencyCount++] = latency.Ticks;
        }
    }

    public void RecordEnd(CompileJobOutcome outcome)
    {
        lock (_gate)
        {
            if (outcome == CompileJobOutcome.Refused) _refused++;
            else if (outcome == CompileJobOutcome.Stale) _stale++;
            else if (outcome == CompileJobOutcome.Crashed) _crashed++;
        }
    }

    /// <summary>
    /// Time the VM thread spent in the JIT waiting for compilation: a whole compile in synchronous mode; otherwise only
    /// an invalidation that had to wait for the compiler thread to leave the engine's lock.
    /// </summary>
    public void RecordVmWait(TimeSpan time)
    {
        lock (_gate) _waitTicks += time.Ticks;
    }

    /// <summary>The figures so far (latencies as nearest-rank p50 and max).</summary>
    public readonly record struct Figures(long Queued, long Installed, long Refused, long Stale, long Crashed,
        TimeSpan LatencyMedian, TimeSpan LatencyMax, TimeSpan VmWait);

    public Figures Snapshot()
    {
        lock (_gate)
        {
            var sorted = new long[_latencyCount];
            Array.Copy(_latencyTicks, sorted, _latencyCount);
            Array.Sort(sorted);
            return new Figures(_queued, _installed, _refused, _stale, _crashed,
                sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(sorted[(sorted.Length - 1) / 2]),
                sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(sorted[^1]),
                TimeSpan.FromTicks(_waitTicks));
        }
    }
}
