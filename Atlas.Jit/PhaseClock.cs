using System.Diagnostics;

namespace Atlas.Jit;

/// <summary>Accumulates time per <see cref="CompilePhase"/>: one timestamp read per phase boundary.</summary>
internal sealed class PhaseClock
{
    // Not Enum.GetValues<CompilePhase>(): a generic method over our enum, compiled by the .NET JIT in the first compile.
    private readonly long[] _ticks = new long[(int)CompilePhase.MachineCode + 1];
    private long _start = Stopwatch.GetTimestamp();

    /// <summary>Starts timing the next phase (time since the last mark is discarded).</summary>
    public void Restart() => _start = Stopwatch.GetTimestamp();

    /// <summary>Charges the time since the last mark to <paramref name="phase"/>.</summary>
    public void Mark(CompilePhase phase)
    {
        long now = Stopwatch.GetTimestamp();
        _ticks[(int)phase] += now - _start;
        _start = now;
    }

    public IReadOnlyDictionary<CompilePhase, TimeSpan> Totals() =>
        Enum.GetValues<CompilePhase>().ToDictionary(p => p, p => Stopwatch.GetElapsedTime(0, _ticks[(int)p]));
}
