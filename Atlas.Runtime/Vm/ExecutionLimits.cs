using System.Diagnostics;

namespace Atlas.Vm;

/// <summary>Time, cancellation and fuel budgets for one run, checked cheaply at loop back-edges and calls in both tiers.</summary>
public sealed class ExecutionLimits
{
    public static readonly ExecutionLimits None = new();

    public TimeSpan? Timeout { get; init; }
    public CancellationToken Cancellation { get; init; }
    /// <summary>
    /// Budget checks the run may make before it stops with AT0010 (one check per <see cref="Interpreter.BudgetInterval"/>
    /// loop back-edges and calls); null means unlimited. Unlike a timeout this is deterministic: both tiers count the same
    /// events, so a runaway program stops at the same instruction whether it runs interpreted or compiled.
    /// </summary>
    public long? Fuel { get; init; }
    private long _deadline = long.MaxValue;
    private long _fuelLeft = long.MaxValue;

    public void Start()
    {
        _deadline = Timeout is { } t ? Stopwatch.GetTimestamp() + (long)(t.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        _fuelLeft = Fuel ?? long.MaxValue;
    }

    public void Check()
    {
        if (Cancellation.IsCancellationRequested || --_fuelLeft < 0) throw new AtlasRuntimeException(RuntimeErrorKind.Cancelled);
        if (Stopwatch.GetTimestamp() > _deadline)
            throw new AtlasRuntimeException(RuntimeErrorKind.Timeout, Timeout!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
