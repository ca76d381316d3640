using System.Diagnostics;
using Atlas.Bytecode;
using Atlas.Jit.Codegen;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit;

/// <summary>
/// The JIT: implements the VM's tiering hook. When a function gets hot it is translated to an expression tree, compiled
/// to a delegate and installed in <see cref="FunctionProto.Compiled"/> with one atomic store; from then on the VM (and
/// compiled callers) run it. Functions it cannot compile stay interpreted, and the reason is kept in <see cref="Stats"/>.
/// Not thread-safe: it serves one VM thread, like the VM itself.
/// </summary>
internal sealed partial class JitEngine : IInvalidatingTieringHook
{
    private readonly Dictionary<FunctionProto, JitResult<JitFunction>> _functions = new(ReferenceEqualityComparer.Instance);
    /// <summary>One entry per compiled function or loop entry (a function's typed body and boxed entry count as one).</summary>
    private readonly List<(string What, TimeSpan Time)> _compileTimes = new();
    private readonly PhaseClock _phases = new();
    private readonly Dictionary<string, long> _rejections = new();
    private readonly List<(string, string)> _rejected = new();
    private int _fastCompiles, _systemCompiles, _loopEntries;

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
    public int Threshold => Config.Enabled ? Tracker.Threshold : int.MaxValue;

    /// <inheritdoc />
    public void OnHot(FunctionProto proto, Interpreter vm)
    {
        try
        {
            Install(proto, vm);
        }
        catch (Exception e)
        {
            // Never let a JIT problem reach the program: it keeps running interpreted.
            proto.JitRejected = true;
            Reject(proto.Name, JitError.CompilationFailed($"{e.GetType().Name}: {e.Message}"));
        }
    }

    /// <inheritdoc />
    public CompiledCode? OnHotLoop(FunctionProto proto, int loopHeader, Interpreter vm)
    {
        if (!Config.Enabled || proto.JitRejected) return null;
        _vm = vm;
        // Only the loop is compiled: a function whose loop gets hot is often called once (a script's main routine),
        // and compiling its whole body as well doubled the pause. If it is called again it gets hot and compiled then.
        var created = FunctionResult(proto);
        if (!created.IsSuccess || Config.CacheSizeLimit <= 0)
        {
            OnHot(proto, vm); // rejects it, with the reason
            return null;
        }
        var fn = created.Value;
        if (fn.LoopEntries.TryGetValue(loopHeader, out var known)) return known;
        var result = CompileLoopEntry(fn, loopHeader, vm);
        fn.LoopEntries[loopHeader] = result.IsSuccess ? result.Value : null;
        if (!result.IsSuccess) Reject(proto.Name + $" (loop at {loopHeader:D4})", result.Error);
        return fn.LoopEntries[loopHeader];
    }

    private JitResult<CompiledCode> CompileLoopEntry(JitFunction fn, int header, Interpreter vm)
    {
        long start = Stopwatch.GetTimestamp();
        _phases.Restart();
        var built = CompileTree(fn, vm, header);
        if (!built.IsSuccess) return built.Error;
        _loopEntries++;
        _compileTimes.Add(($"{fn.Proto.Name} (loop at {header:D4})", Stopwatch.GetElapsedTime(start)));
        return JitResult<CompiledCode>.Ok((CompiledCode)built.Value.Delegate);
    }

    /// <summary>One compiled tree: the delegate the VM calls, the translator that built it, and its method (method mode).</summary>
    private readonly record struct CompiledTree(
        Delegate Delegate, FunctionTranslator Translator, System.Reflection.Emit.DynamicMethod? Method, object[]? Refs);

    /// <summary>
    /// Translates and compiles <paramref name="fn"/>'s body (or, with <paramref name="loopHeader"/>, a loop entry): in method
    /// mode first (FEC into a dynamic method other compiled code can call directly), and in closure mode when FEC
    /// declines that tree or the System backend is configured. Never throws.
    /// </summary>
    private JitResult<CompiledTree> CompileTree(JitFunction fn, Interpreter? vm, int? loopHeader)
    {
        bool asMethod = Config.Backend == JitBackend.Fast;
        try
        {
            while (true)
            {
                var translator = new FunctionTranslator(
                    fn, Globals(vm), FunctionFor, forLoopEntry: loopHeader != null, asMethod, Config.CountCalls);
                var tree = loopHeader is { } header ? translator.BuildLoopEntry(header) : translator.BuildBody();
                _phases.Mark(CompilePhase.Translation);
                if (tree == null) return JitError.CompilationFailed($"no loop entry at {loopHeader:D4} (operand stack not empty)");
                if (Verify(tree) is { } problem) return problem;
                var type = loopHeader != null ? typeof(CompiledCode) : fn.BodyDelegateType;
                if (asMethod)
                {
                    var refs = translator.RefTable;
                    var d = ExpressionBackend.CompileToMethod(tree, translator.Method!, refs, type, _phases);
                    if (d != null)
                    {
                        Count(CompiledBy.Fast);
                        return JitResult<CompiledTree>.Ok(new CompiledTree(d, translator, translator.Method, refs));
                    }
                    asMethod = false;
                    continue;
                }
                var compiled = ExpressionBackend.Compile(tree, Config.Backend, _phases);
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
        _rejections[error.Message] = _rejections.GetValueOrDefault(error.Message) + 1;
        _rejected.Add((what, error.Message));
    }

    /// <summary>For hosts that count calls themselves: records a call and compiles once the function is hot.</summary>
    public void OnCall(FunctionProto proto, Interpreter vm)
    {
        Tracker.RecordCall(proto);
        if (Config.Enabled && Tracker.ShouldCompile(proto)) Install(proto, vm);
    }

    private void Install(FunctionProto proto, Interpreter vm)
    {
        _vm = vm;
        if (!Config.Enabled || proto.Compiled != null || proto.JitRejected) return;
        var result = TryCompile(proto, vm);
        if (result.IsSuccess)
        {
            // The direct one-argument entry first: a reader that sees Compiled may take it.
            proto.CompiledCallback = FunctionFor(proto)?.InstalledCallback;
            proto.Compiled = result.Value;
        }
        else
        {
            proto.JitRejected = true;
            Reject(proto.Name, result.Error);
        }
    }

    /// <summary>
    /// Compiles <paramref name="proto"/> (or returns its cached entry) without installing it. <paramref name="vm"/> lets
    /// call sites guess their callees from the current globals. Never throws.
    /// </summary>
    public JitResult<CompiledCode> TryCompile(FunctionProto proto, Interpreter? vm = null)
    {
        if (vm != null) _vm = vm;
        if (Cache.TryGet(proto, out var cached)) return JitResult<CompiledCode>.Ok(cached);
        if (Config.CacheSizeLimit <= 0) return JitError.CacheFull(Config.CacheSizeLimit);
        // Inference is timed too when it happens here (it may already have run for a caller's compilation).
        long start = Stopwatch.GetTimestamp();
        _phases.Restart();
        var created = FunctionResult(proto);
        _phases.Mark(CompilePhase.Analysis);
        if (!created.IsSuccess) return created.Error;
        var fn = created.Value;
        var built = CompileTree(fn, vm, null);
        if (!built.IsSuccess) return built.Error;
        var (body, translator, method, refs) = built.Value;
        try
        {
            CompiledCode entry;
            if (EntryAdapters.TryCreate(fn, body) is { } adapter) entry = adapter;
            else if (fn.HasTypedBody)
            {
                var entryTree = translator.BuildEntry(body);
                _phases.Mark(CompilePhase.Translation);
                if (Verify(entryTree) is { } entryProblem) return entryProblem;
                var compiledEntry = ExpressionBackend.Compile(entryTree, Config.Backend, _phases);
                if (!compiledEntry.IsSuccess) return compiledEntry.Error;
                entry = (CompiledCode)compiledEntry.Value.Delegate;
            }
            else entry = (CompiledCode)body;
            fn.Publish(body);
            fn.SetMethod(method, refs);
            fn.Installed = entry;
            fn.InstalledCallback = EntryAdapters.TryCreateCallback(fn, body);
            foreach (var evicted in Cache.Add(proto, entry)) Uninstall(evicted);
            // Registered last: an eviction above must not take this function's fresh code down with it.
            foreach (var callee in translator.Links) callee.DirectCallers.Add(fn);
            _compileTimes.Add((proto.Name, Stopwatch.GetElapsedTime(start)));
            return JitResult<CompiledCode>.Ok(entry);
        }
        catch (Exception e)
        {
            return JitError.CompilationFailed($"{e.GetType().Name}: {e.Message}");
        }
    }

    private JitError? Verify(System.Linq.Expressions.LambdaExpression tree)
    {
        if (!Config.VerifyTrees) return null;
        var problems = ShapeChecker.Problems(tree);
        _phases.Mark(CompilePhase.Verification);
        return problems.Count == 0 ? null : JitError.CompilationFailed("generated tree has a forbidden shape: " + problems[0]);
    }

    private void Count(CompiledBy by)
    {
        if (by == CompiledBy.Fast) _fastCompiles++;
        else _systemCompiles++;
    }

    /// <summary>
    /// Drops <paramref name="proto"/>'s compiled code: it runs interpreted and is counted (and compiled) again. Call sites in
    /// other compiled functions that call it directly see its typed body withdrawn and take the VM's call path.
    /// </summary>
    public void Invalidate(FunctionProto proto)
    {
        Cache.Invalidate(proto);
        Uninstall(proto);
        proto.JitRejected = false;
    }

    /// <summary>Drops every compiled function.</summary>
    public void InvalidateAll()
    {
        foreach (var proto in Cache.Protos) Invalidate(proto);
    }

    private void Uninstall(FunctionProto proto)
    {
        proto.Compiled = null;
        proto.CompiledCallback = null;
        Tracker.Reset(proto);
        if (_functions.TryGetValue(proto, out var r) && r.IsSuccess)
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
                if (!ReferenceEquals(caller, fn)) Invalidate(caller.Proto);
        }
    }
}
