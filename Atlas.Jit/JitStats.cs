using System.Globalization;
using System.Text;

namespace Atlas.Jit;

/// <summary>
/// A snapshot of what the JIT did (<see cref="Hosting.JitHosting.GetJitStats"/>):
/// compilations, their cost, calls into compiled code, fallbacks and cache use.
/// </summary>
public sealed class JitStats
{
    /// <summary>Functions compiled to .NET code.</summary>
    public int FunctionsCompiled { get; init; }
    /// <summary>On-stack-replacement entries compiled (a hot loop in a running interpreted call moved to compiled code).</summary>
    public int LoopEntriesCompiled { get; init; }
    /// <summary>
    /// Functions whose whole-number parameter speculation was dropped because their calls kept being refused (each one
    /// drops all compiled code once: see <see cref="JitConfig.WholeNumberParameters"/>).
    /// </summary>
    public int Respecializations { get; init; }
    /// <summary>Functions and loop entries compiled by FastExpressionCompiler.</summary>
    public int FastCompiles { get; init; }
    /// <summary>
    /// Functions and loop entries compiled by <c>Expression.Compile()</c> (FEC declined, failed, or the System backend was chosen).
    /// </summary>
    public int SystemCompiles { get; init; }
    /// <summary>Time spent compiling, all compilations together.</summary>
    public TimeSpan CompileTimeTotal { get; init; }
    /// <summary>The most expensive single compilation.</summary>
    public TimeSpan CompileTimeMax { get; init; }
    /// <summary>The nearest-rank 50th percentile of per-compilation times (a function, or a loop entry).</summary>
    public TimeSpan CompileTimeMedian { get; init; }
    /// <summary>Where compile time went, summed over all compilations (failed ones included).</summary>
    public IReadOnlyDictionary<CompilePhase, TimeSpan> CompileTimeByPhase { get; init; } = new Dictionary<CompilePhase, TimeSpan>();
    /// <summary>The most expensive compilations, slowest first.</summary>
    public IReadOnlyList<(string What, TimeSpan Time)> SlowestCompiles { get; init; } = [];
    /// <summary>Executions of compiled function bodies.</summary>
    public long CompiledCalls { get; init; }
    /// <summary>Compiled executions per function, most first.</summary>
    public IReadOnlyList<(string Function, long Calls)> CallsByFunction { get; init; } = [];
    /// <summary>Functions left to the interpreter (by reason) and calls handed back to it at run time (by reason).</summary>
    public IReadOnlyDictionary<string, long> FallbackReasons { get; init; } = new Dictionary<string, long>();
    /// <summary>The sum of <see cref="FallbackReasons"/>.</summary>
    public long InterpreterFallbacks => FallbackReasons.Values.Sum();
    /// <summary>Functions that stayed interpreted, with why.</summary>
    public IReadOnlyList<(string Function, string Reason)> Rejected { get; init; } = [];
    /// <summary>Look-ups that found compiled code in the code cache.</summary>
    public long CacheHits { get; init; }
    /// <summary>Look-ups that did not.</summary>
    public long CacheMisses { get; init; }
    /// <summary>Compiled functions dropped because the cache was full (<see cref="JitConfig.CacheSizeLimit"/>).</summary>
    public long CacheEvictions { get; init; }
    /// <summary>True when hot code was compiled on the program's thread (<see cref="JitConfig.Synchronous"/> or threshold 1).</summary>
    public bool Synchronous { get; init; }
    /// <summary>Functions and loops queued for the background compiler thread.</summary>
    public long FunctionsQueued { get; init; }
    /// <summary>Queued functions and loops whose code the compiler thread installed.</summary>
    public long BackgroundInstalls { get; init; }
    /// <summary>Queued functions and loops the compiler refused or failed on (they stay interpreted; see <see cref="Rejected"/>).</summary>
    public long BackgroundRefused { get; init; }
    /// <summary>Background builds discarded because a redefinition or invalidation happened while they were in flight.</summary>
    public long BackgroundStale { get; init; }
    /// <summary>Exceptions caught on the compiler thread (the function stayed interpreted).</summary>
    public long BackgroundCrashes { get; init; }
    /// <summary>Nearest-rank median of the time from queued to installed, over background installs.</summary>
    public TimeSpan QueueToInstallMedian { get; init; }
    /// <summary>The longest time from queued to installed.</summary>
    public TimeSpan QueueToInstallMax { get; init; }
    /// <summary>
    /// Time the program's thread spent waiting for the compiler: every compilation in synchronous mode; otherwise only an
    /// invalidation that waited for the compiler thread (0 in an ordinary run).
    /// </summary>
    public TimeSpan VmWaitTime { get; init; }
    /// <summary>Hits over look-ups (0 when there were none).</summary>
    public double CacheHitRate => CacheHits + CacheMisses == 0 ? 0 : (double)CacheHits / (CacheHits + CacheMisses);

    /// <summary>The <c>--jit-stats</c> table.</summary>
    public string Format()
    {
        var inv = CultureInfo.InvariantCulture;
        static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " ms";
        var rows = new List<(string, string)>
        {
            ("functions compiled", FunctionsCompiled.ToString(inv)),
            ("loop entries compiled (OSR)", LoopEntriesCompiled.ToString(inv)),
            ("  by FastExpressionCompiler", FastCompiles.ToString(inv)),
            ("  by Expression.Compile", SystemCompiles.ToString(inv)),
            ("compile time total (all trees)", Ms(CompileTimeTotal)),
            ("compile time p50", Ms(CompileTimeMedian)),
            ("compile time max", Ms(CompileTimeMax)),
        };
        foreach (var (what, time) in SlowestCompiles)
            rows.Add(("  " + what, Ms(time)));
        rows.Add(("compilation", Synchronous ? "synchronous (program's thread)" : "background (compiler thread)"));
        rows.Add(("queued (background)", FunctionsQueued.ToString(inv)));
        rows.Add(("  installed", BackgroundInstalls.ToString(inv)));
        rows.Add(("  refused (interpreted)", BackgroundRefused.ToString(inv)));
        rows.Add(("  discarded (invalidated)", BackgroundStale.ToString(inv)));
        rows.Add(("  compiler errors (caught)", BackgroundCrashes.ToString(inv)));
        rows.Add(("queued to installed p50", Ms(QueueToInstallMedian)));
        rows.Add(("queued to installed max", Ms(QueueToInstallMax)));
        rows.Add(("program waited for compiler", Ms(VmWaitTime)));
        rows.Add(("compile time by phase", ""));
        foreach (var (phase, time) in CompileTimeByPhase)
            rows.Add(("  " + PhaseName(phase), Ms(time)));
        rows.Add(("compiled calls", CompiledCalls.ToString(inv)));
        foreach (var (fn, calls) in CallsByFunction.Take(5))
            rows.Add(("  " + fn, calls.ToString(inv)));
        rows.Add(("interpreter fallbacks", InterpreterFallbacks.ToString(inv)));
        foreach (var (reason, count) in FallbackReasons.OrderByDescending(kv => kv.Value))
            rows.Add(("  " + reason, count.ToString(inv)));
        rows.Add(("cache hits / misses", $"{CacheHits.ToString(inv)} / {CacheMisses.ToString(inv)}"));
        rows.Add(("cache hit rate", (CacheHitRate * 100).ToString("0.0", inv) + " %"));
        rows.Add(("cache evictions", CacheEvictions.ToString(inv)));
        int width = rows.Max(r => r.Item1.Length);
        var sb = new StringBuilder("JIT statistics\n");
        foreach (var (name, value) in rows) sb.Append("  ").Append(name.PadRight(width)).Append("  ").Append(value).Append('\n');
        if (Rejected.Count > 0)
        {
            sb.Append("interpreted functions\n");
            foreach (var (fn, reason) in Rejected) sb.Append("  ").Append(fn).Append(": ").Append(reason).Append('\n');
        }
        return sb.ToString();
    }

    private static string PhaseName(CompilePhase phase) => phase switch
    {
        CompilePhase.Analysis => "type inference",
        CompilePhase.Translation => "tree building",
        CompilePhase.Verification => "tree shape check",
        CompilePhase.Emission => "IL emission (FEC/Compile)",
        CompilePhase.MachineCode => "machine code (.NET JIT)",
        _ => phase.ToString(),
    };

    /// <summary>Same as <see cref="Format"/>.</summary>
    public override string ToString() => Format();
}
