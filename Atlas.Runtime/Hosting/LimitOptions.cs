using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// Budgets of every evaluation and call (README decision 12). Exceeding one ends the script with its runtime error —
/// AT0008 depth, AT0009 time, AT0010 cancellation, AT0011 memory — in the interpreter and in compiled code alike, and
/// the engine stays usable.
/// </summary>
public sealed class LimitOptions
{
    private int _maxDepth = Interpreter.DefaultMaxDepth;
    private TimeSpan? _timeout;
    private int? _maxMemoryMb;

    /// <summary>Active Atlas calls allowed before AT0008 (default 200,000). Scripts run on a thread with a large stack.</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the depth limit must be at least 1");
    }

    /// <summary>Wall-clock time a script may run before AT0009; null (the default) for no limit.</summary>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = value is not { } t || t > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the timeout must be positive");
    }

    /// <summary>
    /// How many MB the managed heap may grow while a script runs before AT0011; null (the default) for no budget.
    /// The heap is the whole process's, so allocations by other threads count too. Independently of it, a single
    /// string or array can never exceed the caps of <see cref="SizeLimits"/>.
    /// </summary>
    public int? MaxMemoryMb
    {
        get => _maxMemoryMb;
        set => _maxMemoryMb = value is not { } mb || mb >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the memory budget must be at least 1 MB");
    }

    /// <summary>Cancels whatever the engine runs (AT0010), in addition to a token passed to a single evaluation.</summary>
    public CancellationToken Cancellation { get; set; }
}
