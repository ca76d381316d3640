using System.Diagnostics;

namespace Atlas.Jit;

/// <summary>
/// Postponing compilation while the process's JIT warm-up runs (<see cref="JitConfig.DeferWhileWarmingUp"/>). The first
/// compilation in a process costs 40–100 ms of the .NET JIT compiling the code generator and FastExpressionCompiler; a
/// program whose code gets hot within milliseconds (fib) used to pay that on the VM thread, racing the warm-up thread
/// for the same work. Postponed, the VM keeps interpreting (it asks again at every call or back-edge of hot code) and
/// compiles once the warm-up is done, at the warm cost.
/// </summary>
public sealed partial class JitEngine
{
    /// <summary>The longest compilation is postponed, however long the warm-up takes.</summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether the warm-up is still running (a seam for tests; the process's <see cref="JitWarmUp"/> otherwise).</summary>
    internal Func<bool> WarmUpInProgress { get; set; } = () => JitWarmUp.InProgress;

    private long _deferredSince;
    private int _deferChecks;
    private bool _deferralOver;
    private TimeSpan _deferredFor;
    private bool _lastHotLoopDeferred;

    /// <inheritdoc />
    public bool DefersCompilation => _lastHotLoopDeferred;

    /// <summary>Whether to postpone the compilation asked for now; once the warm-up has finished, never again.</summary>
    private bool Defer()
    {
        if (_deferralOver) return false;
        if (!Config.DeferWhileWarmingUp || Tracker.Threshold <= 1 || !WarmUpInProgress())
        {
            EndDeferral();
            return false;
        }
        if (_deferredSince == 0) _deferredSince = Stopwatch.GetTimestamp();
        // Hot code asks at every call: read the clock only now and then.
        else if ((++_deferChecks & 1023) == 0 && Stopwatch.GetElapsedTime(_deferredSince) > MaxDeferral)
        {
            EndDeferral();
            return false;
        }
        return true;
    }

    private void EndDeferral()
    {
        _deferralOver = true;
        if (_deferredSince != 0) _deferredFor = Stopwatch.GetElapsedTime(_deferredSince);
    }

    /// <summary>How long hot code has waited (interpreted) for the warm-up so far.</summary>
    private TimeSpan DeferredFor => _deferralOver || _deferredSince == 0 ? _deferredFor : Stopwatch.GetElapsedTime(_deferredSince);
}
