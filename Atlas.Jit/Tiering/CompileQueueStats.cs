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
    /// <summary>Created at the first install: a run that compiles nothing does not pay for the instantiation.</summary>
    private List<TimeSpan>? _latencies;
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
            (_latencies ??= new()).Add(latency);
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
            var sorted = _latencies?.Order().ToList() ?? [];
            return new Figures(_queued, _installed, _refused, _stale, _crashed,
                sorted.Count == 0 ? TimeSpan.Zero : sorted[(sorted.Count - 1) / 2],
                sorted.Count == 0 ? TimeSpan.Zero : sorted[^1],
                TimeSpan.FromTicks(_waitTicks));
        }
    }
}
