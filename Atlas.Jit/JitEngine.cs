using System.Diagnostics;
using System.Runtime.CompilerServices;
using Atlas.Bytecode;
using Atlas.Jit.Codegen;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit;

/// <summary>
/// The JIT: implements the VM's tiering hook. When a function or a loop gets hot it is queued for the compiler thread
/// (or, in synchronous mode, compiled at once), translated to an expression tree, compiled to a delegate and installed in
/// <see cref="FunctionProto.Compiled"/> with one atomic store; from then on the VM (and compiled callers) run it. Functions
/// it cannot compile stay interpreted, and the reason is kept in <see cref="Stats"/>. Its records, code cache and
/// statistics are guarded by one lock (<see cref="_gate"/>), held by whichever thread compiles, installs or invalidates;
/// the VM's hot path (queueing, picking up loop entries) never takes it.
/// </summary>
internal sealed partial class JitEngine : IInvalidatingTieringHook
{
    // The state below is created on first use, not with the engine: most programs never get hot, and each of these
    // generic instantiations over value types costs the .NET JIT a compilation at start-up (ReadyToRun cannot
    // precompile them), which a run that never compiles anything should not pay.
    private System.Collections.Concurrent.ConcurrentDictionary<FunctionProto, JitResult<JitFunction>>? _functionTable;
    /// <summary>One entry per compiled function or loop entry (a function's typed body and boxed entry count as one).</summary>
    private List<CompileTime>? _compileTimeList;
    private PhaseClock? _phaseClock;
    private Dictionary<string, long>? _rejectionCounts;
    private List<(string, string)>? _rejectedList;
    private int _fastCompiles, _systemCompiles, _loopEntries;

    /// <summary>The JIT's record of every prototype it has looked at (read without the lock by <see cref="OnHotLoop"/>).</summary>
    private System.Collections.Concurrent.ConcurrentDictionary<FunctionProto, JitResult<JitFunction>> Functions =>
        LazyInitializer.EnsureInitialized(ref _functionTable, () => new(ReferenceEqualityComparer.Instance));
    private List<CompileTime> CompileTimes => _compileTimeList ??= new();

    /// <summary>One compilation's time (a class: a list of tuples is an instantiation ReadyToRun cannot precompile).</summary>
    private sealed record CompileTime(string What, TimeSpan Time);
    private PhaseClock Phases => _phaseClock ??= new();
    private Dictionary<string, long> Rejections => _rejectionCounts ??= new();
    private List<(string, string)> RejectedFunctions => _rejectedList ??= new();
    /// <summary>Guards everything the compiler thread and the VM thread share (see the class summary).</summary>
    private readonly Lock _gate = new();

    public JitEngine(JitConfig? config = null)
    {
        Config = config ?? new JitConfig();
        Tracker = new HotspotTracker(Config.CompilationThreshold);
        Cache = new CodeCache(Config.CacheSizeLimit);
    }

    public JitConfig Config { get; }
    public HotspotTracker Tracker { get; }
    public CodeCache Cache { get; }

    /// <inheritdoc />
    public int Threshold => ThresholdOf(Config);

    /// <summary>The calls (or back-edges) after which an engine with <paramref name="config"/> compiles.</summary>
    public static int ThresholdOf(JitConfig config) =>
        config.Enabled ? Tiering.HotspotTracker.Clamp(config.CompilationThreshold) : int.MaxValue;

    /// <summary>A loop entry compiled but not yet published (<see cref="CommitLoopEntry"/>).</summary>
    private sealed record BuiltLoopEntry(
        JitFunction Fn, int Header, CompiledCode Entry, IReadOnlyCollection<JitFunction> Links, TimeSpan Time);

    /// <summary>
    /// Compiles the on-stack-replacement entry of <paramref name="fn"/> at loop <paramref name="header"/> (under the lock).
    /// </summary>
    private JitResult<BuiltLoopEntry> CompileLoopEntry(JitFunction fn, int header)
    {
        long start = Stopwatch.GetTimestamp();
        Phases.Restart();
        var built = CompileTree(fn, header);
        if (!built.IsSuccess) return built.Error;
        var entry = (CompiledCode)built.Value.Delegate;
        return JitResult<BuiltLoopEntry>.Ok(
            new BuiltLoopEntry(fn, header, entry, built.Value.Translator.Links, Stopwatch.GetElapsedTime(start)));
    }

    /// <summary>Publishes a loop entry where the VM looks for it (under the lock).</summary>
    private CompiledCode CommitLoopEntry(BuiltLoopEntry built)
    {
        _loopEntries++;
        CompileTimes.Add(new CompileTime($"{built.Fn.Proto.Name} (loop at {built.Header:D4})", built.Time));
        built.Fn.LoopEntries[built.Header] = built.Entry;
        // An entry that calls (or reads without a fallback) another function is dropped with it, as a body is (Commit).
        foreach (var callee in built.Links) callee.DirectCallers.Add(built.Fn);
        return built.Entry;
    }

    /// <summary>One compiled tree: the delegate the VM calls, the translator that built it, and its method (method mode).</summary>
    private readonly record struct CompiledTree(
        Delegate Delegate, FunctionTranslator Translator, System.Reflection.Emit.DynamicMethod? Method, object[]? Refs);

    /// <summary>
    /// Translates and compiles <paramref name="fn"/>'s body (or, with <paramref name="loopHeader"/>, a loop entry): in method
    /// mode first (FEC into a dynamic method other compiled code can call directly), and in closure mode when FEC
    /// declines that tree or the System backend is configured. Never throws.
    /// </summary>
    private JitResult<CompiledTree> CompileTree(JitFunction fn, int? loopHeader)
    {
        bool asMethod = Config.Backend == JitBackend.Fast;
        try
        {
            while (true)
            {
                var translator = new FunctionTranslator(
                    fn, Globals(_globals), FunctionFor, forLoopEntry: loopHeader != null, asMethod, Config.CountCalls)
                {
                    FunctionEpoch = _globals != null ? _functionEpoch : null,
                    Globals = _globalTable,
                    Settings = Config,
                };
                var tree = loopHeader is { } header ? translator.BuildLoopEntry(header) : translator.BuildBody();
                Phases.Mark(CompilePhase.Translation);
                if (tree == null) return JitError.CompilationFailed($"no loop entry at {loopHeader:D4} (operand stack not empty)");
                if (Verify(tree) is { } problem) return problem;
                var type = loopHeader != null ? typeof(CompiledCode) : fn.BodyDelegateType;
                if (asMethod)
                {
                    var refs = translator.RefTable;
                    var d = ExpressionBackend.CompileToMethod(tree, translator.Method!, refs, type, Phases);
                    if (d != null)
                    {
                        Count(CompiledBy.Fast);
                        return JitResult<CompiledTree>.Ok(new CompiledTree(d, translator, translator.Method, refs));
                    }
                    asMethod = false;
                    continue;
                }
                var compiled = ExpressionBackend.Compile(tree, Config.Backend, Phases);
                if (!compiled.IsSuccess) return compiled.Error;
                Count(compiled.Value.By);
                return JitResult<CompiledTree>.Ok(new CompiledTree(compiled.Value.Delegate, translator, null, null));
            }
        }
        catch (UnsupportedOpcodeException e)
        {
            return JitError.UnsupportedOpcode(e.Op);
        }
        catch (Exception e)
        {
            return JitError.CompilationFailed($"{e.GetType().Name}: {e.Message}");
        }
    }

    private void Reject(string what, JitError error)
    {
        Rejections[error.Message] = Rejections.GetValueOrDefault(error.Message) + 1;
        RejectedFunctions.Add((what, error.Message));
    }

    /// <summary>
    /// Compiles <paramref name="proto"/> (or returns its cached entry) without installing it in the prototype. <paramref name="vm"/>
    /// lets call sites guess their callees from the current globals. Never throws.
    /// </summary>
    public JitResult<CompiledCode> TryCompile(FunctionProto proto, Interpreter? vm = null)
    {
        lock (_gate)
        {
            if (vm != null) UseGlobalsOf(vm);
            if (Cache.TryGet(proto, out var cached)) return JitResult<CompiledCode>.Ok(cached);
            var built = Build(proto);
            return built.IsSuccess ? JitResult<CompiledCode>.Ok(Commit(built.Value)) : built.Error;
        }
    }

    /// <summary>
    /// A function compiled but not yet committed (<see cref="Commit"/>): its typed body, the entry the VM calls, the direct
    /// one-argument entry, the method and reference table compiled callers may link to, and the callees it links to.
    /// </summary>
    private sealed record BuiltFunction(JitFunction Fn, Delegate Body, CompiledCode Entry, CompiledCallback? Callback,
        System.Reflection.Emit.DynamicMethod? Method, object[]? Refs, IReadOnlyCollection<JitFunction> Links, TimeSpan Time);

    /// <summary>
    /// Translates and compiles <paramref name="proto"/>, its code ready to run (machine code included), touching no record
    /// other code could see. Called under <see cref="_gate"/>. Never throws.
    /// </summary>
    private JitResult<BuiltFunction> Build(FunctionProto proto)
    {
        if (Config.CacheSizeLimit <= 0) return JitError.CacheFull(Config.CacheSizeLimit);
        // Inference is timed too when it happens here (it may already have run for a caller's compilation).
        long start = Stopwatch.GetTimestamp();
        Phases.Restart();
        var created = FunctionResult(proto);
        Phases.Mark(CompilePhase.Analysis);
        if (!created.IsSuccess) return created.Error;
        var fn = created.Value;
        var built = CompileTree(fn, null);
        if (!built.IsSuccess) return built.Error;
        var (body, translator, method, refs) = built.Value;
        try
        {
            CompiledCode entry;
            if (EntryAdapters.TryCreate(fn, body) is { } adapter) entry = adapter;
            else if (fn.HasTypedBody)
            {
                var entryTree = translator.BuildEntry(body);
                Phases.Mark(CompilePhase.Translation);
                if (Verify(entryTree) is { } entryProblem) return entryProblem;
                var compiledEntry = ExpressionBackend.Compile(entryTree, Config.Backend, Phases);
                if (!compiledEntry.IsSuccess) return compiledEntry.Error;
                entry = (CompiledCode)compiledEntry.Value.Delegate;
            }
            else entry = (CompiledCode)body;
            var callback = EntryAdapters.TryCreateCallback(fn, body);
            // The adapters are generic methods instantiated at run time: compiled to machine code here, not at their first call.
            RuntimeHelpers.PrepareDelegate(entry);
            if (callback != null) RuntimeHelpers.PrepareDelegate(callback);
            Phases.Mark(CompilePhase.MachineCode);
            return JitResult<BuiltFunction>.Ok(
                new BuiltFunction(fn, body, entry, callback, method, refs, translator.Links, Stopwatch.GetElapsedTime(start)));
        }
        catch (Exception e)
        {
            return JitError.CompilationFailed($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Makes a built function the JIT's current code for its prototype (published body, linkable method, code cache,
    /// direct-caller links); returns the entry to install. Called under <see cref="_gate"/>.
    /// </summary>
    private CompiledCode Commit(BuiltFunction built)
    {
        var fn = built.Fn;
        fn.Publish(built.Body);
        fn.SetMethod(built.Method, built.Refs);
        fn.Installed = built.Entry;
        fn.InstalledCallback = built.Callback;
        foreach (var evicted in Cache.Add(fn.Proto, built.Entry)) Uninstall(evicted);
        // Registered last: an eviction above must not take this function's fresh code down with it.
        foreach (var callee in built.Links) callee.DirectCallers.Add(fn);
        CompileTimes.Add(new CompileTime(fn.Proto.Name, built.Time));
        return built.Entry;
    }

    private JitError? Verify(System.Linq.Expressions.LambdaExpression tree)
    {
        if (!Config.VerifyTrees) return null;
        var problems = ShapeChecker.Problems(tree);
        Phases.Mark(CompilePhase.Verification);
        return problems.Count == 0 ? null : JitError.CompilationFailed("generated tree has a forbidden shape: " + problems[0]);
    }

    private void Count(CompiledBy by)
    {
        if (by == CompiledBy.Fast) _fastCompiles++;
        else _systemCompiles++;
    }

    /// <summary>
    /// Drops <paramref name="proto"/>'s compiled code: it runs interpreted and is counted (and compiled) again. Call sites in
    /// other compiled functions that call it directly see its typed body withdrawn and take the VM's call path. A compile
    /// in flight on the compiler thread is not installed (its epoch is stale).
    /// </summary>
    public void Invalidate(FunctionProto proto)
    {
        long waitStart = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            Queue.RecordVmWait(Stopwatch.GetElapsedTime(waitStart));
            InvalidateLocked(proto);
        }
    }

    private void InvalidateLocked(FunctionProto proto)
    {
        Cache.Invalidate(proto);
        Uninstall(proto);
        proto.JitRejected = false;
    }

    /// <summary>Drops every compiled function.</summary>
    public void InvalidateAll()
    {
        lock (_gate)
            foreach (var proto in Cache.Protos) InvalidateLocked(proto);
    }

    private void Uninstall(FunctionProto proto)
    {
        // Whatever the compiler thread built before this point may link to the code dropped here: it is not installed.
        Interlocked.Increment(ref _epoch);
        proto.Compiled = null;
        proto.CompiledCallback = null;
        Tracker.Reset(proto);
        if (Functions.TryGetValue(proto, out var r) && r.IsSuccess)
        {
            var fn = r.Value;
            fn.Publish(null);
            fn.SetMethod(null, null);
            fn.Installed = null;
            fn.InstalledCallback = null;
            fn.LoopEntries.Clear();
            // Code that calls this function's method directly would keep running it: it is dropped too, and compiled
            // again (against the current definitions) when it gets hot again.
            var callers = fn.DirectCallers.ToList();
            fn.DirectCallers.Clear();
            foreach (var caller in callers)
                if (!ReferenceEquals(caller, fn)) InvalidateLocked(caller.Proto);
        }
    }
}
