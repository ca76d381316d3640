using System.Diagnostics;

namespace Atlas.Vm;

/// <summary>Time and cancellation budgets for one run, checked cheaply at loop back-edges and calls in both tiers.</summary>
public sealed class ExecutionLimits
{
    public static readonly ExecutionLimits None = new();

    public TimeSpan? Timeout { get; init; }
    public CancellationToken Cancellation { get; init; }
    private long _deadline = long.MaxValue;

    public void Start() => _deadline = Timeout is { } t ? Stopwatch.GetTimestamp() + (long)(t.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;

    public void Check()
    {
        if (Cancellation.IsCancellationRequested) throw new AtlasRuntimeException(RuntimeErrorKind.Cancelled);
        if (Stopwatch.GetTimestamp() > _deadline)
            throw new AtlasRuntimeException(RuntimeErrorKind.Timeout, Timeout!.Value.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
