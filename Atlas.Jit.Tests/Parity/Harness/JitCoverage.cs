using System.Globalization;
using System.Text;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Harness;

/// <summary>
/// Totals over one property's cases of how much the JIT actually did, so a generator that stops reaching compiled code
/// is noticed: functions called vs compiled, why the others stayed interpreted, and the share of calls that ran compiled.
/// Thread-safe: FsCheck runs cases one after another, but test methods run in parallel.
/// </summary>
public sealed class JitCoverage(string property)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _rejections = new();
    private readonly Dictionary<string, long> _endings = new();
    private long _cases, _functionsCalled, _functionsCompiled, _calls, _compiledCalls;

    public string Property { get; } = property;

    /// <summary>Records a JIT run; <paramref name="interpreted"/> (the same program's interpreted run) supplies the call counts.</summary>
    public void Record(TierRunner.Run jit, TierRunner.Run interpreted)
    {
        var stats = jit.Engine!.Stats;
        int called = interpreted.Program.Functions.Count(f => f.CallCount > 0);
        long calls = interpreted.Program.Functions.Sum(f => (long)f.CallCount);
        lock (_gate)
        {
            _cases++;
            _functionsCalled += called;
            _functionsCompiled += stats.FunctionsCompiled;
            _calls += calls;
            _compiledCalls += stats.CompiledCalls;
            foreach (var (_, reason) in stats.Rejected) Bump(_rejections, reason);
            Bump(_endings, Ending(jit.Outcome));
        }
    }

    private static string Ending(TierOutcome o) =>
        o.Hung ? "hang" : o.Crash != null ? "crash" : o.ErrorSummary != null ? "error " + o.ErrorSummary : "returned";

    private static void Bump(Dictionary<string, long> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

    /// <summary>Compiled functions per function called (1.0 when every function reached compiled code).</summary>
    public double CompiledFunctionShare { get { lock (_gate) return _functionsCalled == 0 ? 0 : (double)_functionsCompiled / _functionsCalled; } }

    /// <summary>Executions of compiled bodies per call made (can exceed the function share when hot functions compile).</summary>
    public double CompiledCallShare { get { lock (_gate) return _calls == 0 ? 0 : (double)_compiledCalls / _calls; } }

    public string Report()
    {
        var inv = CultureInfo.InvariantCulture;
        lock (_gate)
        {
            var sb = new StringBuilder();
            sb.Append(inv, $"[{Property}] {_cases} cases; functions called {_functionsCalled}, compiled {_functionsCompiled} ")
              .Append(inv, $"({CompiledFunctionShare * 100:0.0} %); calls {_calls}, run compiled {_compiledCalls} ({CompiledCallShare * 100:0.0} %)\n");
            foreach (var (reason, n) in _rejections.OrderByDescending(kv => kv.Value)) sb.Append(inv, $"  stayed interpreted: {reason} × {n}\n");
            foreach (var (ending, n) in _endings.OrderByDescending(kv => kv.Value)) sb.Append(inv, $"  ended: {ending} × {n}\n");
            return sb.ToString();
        }
    }
}
