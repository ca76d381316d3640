using Atlas.Bytecode;
using Atlas.Jit.Codegen;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit;

/// <summary>What the engine reports: statistics and printable compiled trees.</summary>
internal sealed partial class JitEngine
{
    /// <summary>
    /// The compiled trees of <paramref name="proto"/> as C#-like text (for <c>atlas disasm --jit</c>), or why there are none.
    /// <paramref name="globals"/> gives the globals' declared types, which a real run's inference also reads (element
    /// reads of a <c>number[]</c> global are speculated numbers).
    /// </summary>
    public string DescribeTree(FunctionProto proto, GlobalTable? globals = null)
    {
        lock (_gate) return DescribeTreeLocked(proto, globals);
    }

    private string DescribeTreeLocked(FunctionProto proto, GlobalTable? globals)
    {
        if (globals != null && !ReferenceEquals(globals, _globalTable))
        {
            // Inference results made against other (or no) global types would print a tree no run compiles.
            _globalTable = globals;
            Functions.Clear();
        }
        var created = FunctionResult(proto);
        if (!created.IsSuccess) return "// stays interpreted: " + created.Error.Message;
        if (proto.IsScript) LearnFunctionGlobals(proto);
        try
        {
            var forPrinting = Config.Backend == JitBackend.Fast;
            var translator = new FunctionTranslator(created.Value, Globals(null), FunctionFor, forPrinting: forPrinting)
            {
                Globals = _globalTable,
                Settings = Config,
            };
            var body = translator.BuildBody();
            return TreePrinter.Print(body);
        }
        catch (UnsupportedOpcodeException e)
        {
            return "// stays interpreted: " + JitError.UnsupportedOpcode(e.Op).Message;
        }
    }

    /// <summary>The <see cref="JitStats.FallbackReasons"/> key of calls run interpreted because of their arguments' kinds.</summary>
    public static readonly string ArgumentFallbackReason = JitError.ExecutionError("call interpreted: argument kinds did not fit").Message;
    /// <summary>
    /// The <see cref="JitStats.FallbackReasons"/> key of calls that continued in the interpreter after a speculation failed.
    /// </summary>
    public static readonly string DeoptimizationReason =
        JitError.ExecutionError("deoptimized: a value had another kind than speculated").Message;

    /// <summary>Executions of <paramref name="proto"/>'s compiled code so far.</summary>
    public long CompiledCallsOf(FunctionProto proto) =>
        Functions.TryGetValue(proto, out var r) && r.IsSuccess ? Interlocked.Read(ref r.Value.Calls) : 0;

    /// <summary>A snapshot of the statistics.</summary>
    public JitStats Stats
    {
        get
        {
            lock (_gate) return StatsLocked();
        }
    }

    private JitStats StatsLocked()
    {
        var reasons = new Dictionary<string, long>(Rejections);
        long argumentFallbacks = 0, deoptimizations = 0, calls = 0;
        var byFunction = new List<(string, long)>();
        foreach (var r in Functions.Values)
            if (r.IsSuccess)
            {
                argumentFallbacks += r.Value.ArgumentFallbacks;
                deoptimizations += r.Value.Deoptimizations;
                long n = Interlocked.Read(ref r.Value.Calls);
                calls += n;
                if (n > 0) byFunction.Add((r.Value.Proto.Name, n));
            }
        if (argumentFallbacks > 0) reasons[ArgumentFallbackReason] = argumentFallbacks;
        if (deoptimizations > 0) reasons[DeoptimizationReason] = deoptimizations;
        var sorted = CompileTimes.Select(c => c.Time).Order().ToList();
        var queue = Queue.Snapshot();
        return new JitStats
        {
            FunctionsCompiled = CompileTimes.Count - _loopEntries,
            LoopEntriesCompiled = _loopEntries,
            Respecializations = _respecialized,
            FastCompiles = _fastCompiles,
            SystemCompiles = _systemCompiles,
            CompileTimeTotal = sorted.Aggregate(TimeSpan.Zero, (a, t) => a + t),
            CompileTimeMax = sorted.Count == 0 ? TimeSpan.Zero : sorted[^1],
            // Nearest-rank p50: the smaller of two middle values, so one slow compile of two is reported only as the max.
            CompileTimeMedian = sorted.Count == 0 ? TimeSpan.Zero : sorted[(sorted.Count - 1) / 2],
            CompileTimeByPhase = Phases.Totals(),
            SlowestCompiles = CompileTimes.OrderByDescending(c => c.Time).Take(5).Select(c => (c.What, c.Time)).ToList(),
            CompiledCalls = calls,
            CallsByFunction = byFunction.OrderByDescending(f => f.Item2).ToList(),
            FallbackReasons = reasons,
            Rejected = RejectedFunctions.ToList(),
            CacheHits = Cache.Hits,
            CacheMisses = Cache.Misses,
            CacheEvictions = Cache.Evictions,
            FunctionsQueued = queue.Queued,
            BackgroundInstalls = queue.Installed,
            BackgroundRefused = queue.Refused,
            BackgroundStale = queue.Stale,
            BackgroundCrashes = queue.Crashed,
            QueueToInstallMedian = queue.LatencyMedian,
            QueueToInstallMax = queue.LatencyMax,
            VmWaitTime = queue.VmWait,
            Synchronous = Config.CompilesSynchronously,
        };
    }
}
