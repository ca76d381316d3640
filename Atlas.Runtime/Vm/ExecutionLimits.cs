using System.Diagnostics;

namespace Atlas.Vm;

/// <summary>Time, cancellation and fuel budgets for one run, checked cheaply at loop back-edges and calls in both tiers.</summary>
internal sealed class ExecutionLimits
{
    public static readonly ExecutionLimits None = new();

    public TimeSpan? Timeout { get; init; }
    /// <summary>Managed heap budget for the script; above it the run stops with AT0011 (checked with the time budget).</summary>
    public long? MaxMemoryBytes { get; init; }
    public CancellationToken Cancellation { get; init; }
    /// <summary>
    /// Budget checks the run may make before it stops with AT0010 (one check per <see cref="Interpreter.BudgetInterval"/>
    /// loop back-edges and calls); null means unlimited. Unlike a timeout this is deterministic: both tiers count the same
    /// events, so a runaway program stops at the same instruction whether it runs interpreted or compiled.
    /// </summary>
    public long? Fuel { get; init; }
    /// <summary>The files and environment the run may touch (checked by the file, path and environment builtins).</summary>
    public Hosting.AtlasPermissions Permissions { get; init; } = Hosting.AtlasPermissions.None;
    private long _deadline = long.MaxValue;
    private long _fuelLeft = long.MaxValue;
    private long _largeAllocations;

    /// <summary>The limits of the run on this thread, for checks in code that has no interpreter at hand.</summary>
    [ThreadStatic] public static ExecutionLimits? Current;

    /// <summary>Counts a large allocation; when they add up to a sixteenth of the budget the heap is measured now.</summary>
    public void NoteAllocation(long bytes)
    {
        if (MaxMemoryBytes is not { } max) return;
        _largeAllocations += bytes;
        if (_largeAllocations < max / 16) return;
        _largeAllocations = 0;
        CheckMemory(max);
    }

    private static void CheckMemory(long max)
    {
        if (GC.GetTotalMemory(false) > max && GC.GetTotalMemory(true) > max)
            throw new AtlasRuntimeException(RuntimeErrorKind.MemoryLimit);
    }

    public void Start()
    {
        _deadline = Timeout is { } t ? Stopwatch.GetTimestamp() + (long)(t.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        _fuelLeft = Fuel ?? long.MaxValue;
    }

    /// <summary>Time until the deadline (null: no timeout).</summary>
    public TimeSpan? TimeLeft => Timeout == null ? null : Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _deadline);

    public void Check()
    {
        if (Cancellation.IsCancellationRequested || --_fuelLeft < 0) throw new AtlasRuntimeException(RuntimeErrorKind.Cancelled);
        if (MaxMemoryBytes is { } max) CheckMemory(max);
        if (Stopwatch.GetTimestamp() > _deadline)
            throw new AtlasRuntimeException(RuntimeErrorKind.Timeout,
                Timeout!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
