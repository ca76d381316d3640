using System.Globalization;
using System.Text;

namespace Atlas.Jit.Tests.TierParity.Harness;

/// <summary>
/// Totals over one property's cases of how much the JIT actually did, so a generator that stops reaching compiled code
/// is noticed: functions called vs compiled, why the others stayed interpreted, loop entries (on-stack replacement),
/// compiled body executions and calls handed back to the interpreter, and how the runs ended.
/// Thread-safe: FsCheck runs cases one after another, but test methods run in parallel.
/// </summary>
internal sealed class JitCoverage(string property)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _rejections = new();
    private readonly Dictionary<string, long> _fallbacks = new();
    private readonly Dictionary<string, long> _endings = new();
    private long _cases, _functionsCalled, _functionsCompiled, _loopEntries;

    public string Property { get; } = property;

    /// <summary>Records a JIT run; <paramref name="interpreted"/> (the same program's interpreted run) tells which functions ran.</summary>
    public void Record(TierRunner.Run jit, TierRunner.Run interpreted)
    {
        var stats = jit.Engine!.Stats;
        int called = interpreted.Program.Functions.Count(f => f.HotCount > 0);
        lock (_gate)
        {
            _cases++;
            _functionsCalled += called;
            _functionsCompiled += stats.FunctionsCompiled;
            _loopEntries += stats.LoopEntriesCompiled;
            foreach (var (_, reason) in stats.Rejected) Bump(_rejections, reason, 1);
            foreach (var (reason, n) in stats.FallbackReasons) Bump(_fallbacks, reason, n);
            Bump(_endings, Ending(jit.Outcome), 1);
        }
    }

    private static string Ending(TierOutcome o) =>
        o.Hung ? "hang" : o.Crash != null ? "crash" : o.ErrorSummary != null ? "error " + o.ErrorSummary : "returned";

    private static void Bump(Dictionary<string, long> d, string key, long n) => d[key] = d.GetValueOrDefault(key) + n;

    /// <summary>Compiled functions per function that ran (1.0 when every function that ran reached compiled code).</summary>
    public double CompiledFunctionShare { get { lock (_gate) return _functionsCalled == 0 ? 0 : (double)_functionsCompiled / _functionsCalled; } }

    public string Report()
    {
        var inv = CultureInfo.InvariantCulture;
        lock (_gate)
        {
            var sb = new StringBuilder();
            sb.Append(inv, $"[{Property}] {_cases} cases; functions that ran {_functionsCalled}, compiled {_functionsCompiled} ")
              .Append(inv, $"({CompiledFunctionShare * 100:0.0} %); loop entries compiled {_loopEntries}\n");
            foreach (var (reason, n) in _rejections.OrderByDescending(kv => kv.Value)) sb.Append(inv, $"  stayed interpreted: {reason} × {n}\n");
            foreach (var (reason, n) in _fallbacks.OrderByDescending(kv => kv.Value)) sb.Append(inv, $"  handed back to the interpreter: {reason} × {n}\n");
            foreach (var (ending, n) in _endings.OrderByDescending(kv => kv.Value)) sb.Append(inv, $"  ended: {ending} × {n}\n");
            return sb.ToString();
        }
    }
}
