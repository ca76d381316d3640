using Atlas.Bytecode;
using Atlas.Modules;
using Atlas.Semantics;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// A persistent Atlas session, the core of both the REPL and <see cref="AtlasEngine"/>: each piece of source is checked
/// and compiled against everything defined so far and runs on one interpreter whose globals persist; its definitions
/// are kept afterwards, also after a runtime error (those that ran). A redefined top-level name keeps its global slot,
/// so earlier functions, which read globals by slot, see the new definition. Not thread-safe, except
/// <see cref="Interrupt"/>.
/// </summary>
internal sealed partial class ScriptSession
{
    /// <summary>Stack size of the thread that runs scripts: deep Atlas recursion in compiled code recurses on the .NET stack.</summary>
    public const int ScriptThreadStackBytes = 1024 * 1024 * 1024;

    private readonly Lock _runLock = new();
    private CheckSession _check = new();
    private GlobalTable _globals = new();
    private Interpreter _vm;
    // The slot of every top-level name compiled so far, even one whose declaration never ran: functions bound to it
    // must see a later declaration of the name.
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private CancellationTokenSource? _running;
    private volatile Thread? _scriptThread;

    public ScriptSession(TextWriter output)
    {
        Output = output;
        _vm = NewInterpreter();
    }

    /// <summary>Where <c>print</c> writes.</summary>
    public TextWriter Output { get; }
    /// <summary>The definitions later source is checked against.</summary>
    public CheckSession Definitions => _check;
    /// <summary>The session's global slots (names for disassembly and error messages).</summary>
    public GlobalTable Globals => _globals;
    /// <summary>The JIT for the next runs, or null to interpret only.</summary>
    public ITieringHook? Tiering { get; set; }
    /// <summary>Called with the prototype of a function a new definition replaces: its compiled code should go.</summary>
    public Action<FunctionProto>? FunctionReplaced { get; set; }
    /// <summary>Maximum number of active Atlas calls before AT0008.</summary>
    public int MaxDepth { get; set; } = Interpreter.DefaultMaxDepth;
    /// <summary>Time budget of each run (AT0009); null for none.</summary>
    public TimeSpan? Timeout { get; set; }
    /// <summary>Managed heap budget while a run goes on (AT0011); null for none.</summary>
    public long? MaxMemoryBytes { get; set; }
    /// <summary>The files and environment runs may touch; nothing unless granted.</summary>
    public AtlasPermissions Permissions { get; set; } = AtlasPermissions.None;
    /// <summary>Cancels every run while it is set (AT0010), in addition to the token a run is given.</summary>
    public CancellationToken Cancellation { get; set; }
    /// <summary>True on the thread running a script: a host function that calls back into the session.</summary>
    public bool OnScriptThread => ReferenceEquals(Thread.CurrentThread, _scriptThread);

    /// <summary>Parses and checks <paramref name="text"/> against the session; the unit is null when there are errors.</summary>
    public SourceAnalysis Analyze(string text)
    {
        var parse = Parser.Parse(text);
        if (parse.Diagnostics.Any(d => d.IsError)) return new SourceAnalysis(null, parse.Diagnostics);
        var diagnostics = parse.Diagnostics.Concat(Checker.Check(parse.Unit, _check).Diagnostics).ToList();
        return new SourceAnalysis(diagnostics.Any(d => d.IsError) ? null : parse.Unit, diagnostics);
    }

    /// <summary>Compiles a checked unit (from <see cref="Analyze"/>), runs it and keeps its definitions.</summary>
    public SessionRun Execute(CompilationUnit unit, CancellationToken cancellation = default)
    {
        if (OnScriptThread) throw new InvalidOperationException("a script cannot run another script while it runs");
        var declarations = TopLevelSymbols(unit).ToList();
        var replaced = new List<FunctionProto>();
        foreach (var (symbol, _) in declarations)
        {
            // A redefined imported name gets a slot of its own: the module's code keeps its own definition.
            if (!_slots.TryGetValue(symbol.Name, out int slot) || _imported.Remove(symbol.Name)) continue;
            _globals.Alias(symbol, slot);
            if (_check.Globals.TryGetValue(symbol.Name, out var old) && old.Kind == SymbolKind.Function
                && FunctionNamed(old.Name) is { } proto)
                replaced.Add(proto);
        }
        CompiledProgram program;
        try { program = BytecodeCompiler.Compile(unit, _globals); }
        catch (InvalidOperationException e) { return new SessionRun(null, Value.Null, e); }
        foreach (var (symbol, _) in declarations) _slots[symbol.Name] = _globals.SlotOf(symbol);
        // The old code must never run again, nor any compiled code that bound to it.
        foreach (var proto in replaced) FunctionReplaced?.Invoke(proto);

        var (value, error) = Run(vm => vm.Run(program), cancellation);
        Commit(unit, declarations, error == null ? int.MaxValue : FailingItem(unit, program, error));
        return new SessionRun(program, value, error);
    }

    /// <summary>
    /// Calls a function value with the session's limits, on a script thread (or directly when a host function calls
    /// back from one). Errors are thrown.
    /// </summary>
    public Value Invoke(Value callee, Value[] args, CancellationToken cancellation = default)
    {
        var (value, error) = Run(vm => vm.Invoke(callee, args), cancellation);
        if (error != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return value;
    }

    /// <summary>Cancels the run that is going on, if any; it stops with AT0010. Returns whether one was. Any thread may call it.</summary>
    public bool Interrupt()
    {
        lock (_runLock)
        {
            if (_running == null) return false;
            _running.Cancel();
            return true;
        }
    }

    /// <summary>Forgets every definition.</summary>
    public void Reset()
    {
        _check = new CheckSession();
        _globals = new GlobalTable();
        _slots.Clear();
        _modules = new ModuleRegistry();
        _imported.Clear();
        _vm = NewInterpreter();
    }

    /// <summary>The function a top-level name currently holds, or null.</summary>
    public FunctionProto? FunctionNamed(string name) =>
        TryGetGlobal(name, out _, out var value) && value.Kind == ValueKind.Function ? value.AsFunction.Proto : null;

    /// <summary>
    /// The current definition of a top-level name and its value (<see cref="ValueKind.Undefined"/> before its declaration ran).
    /// </summary>
    public bool TryGetGlobal(string name, out Symbol symbol, out Value value)
    {
        value = Value.Undefined;
        if (!_check.Globals.TryGetValue(name, out symbol!) || !_slots.TryGetValue(name, out int slot)) return false;
        if (slot < _vm.Globals.Length) value = _vm.Globals[slot];
        return true;
    }

    /// <summary>
    /// Defines a top-level name from outside, as if a script had declared it: later source sees it with
    /// <paramref name="type"/>, earlier functions that use the name see <paramref name="value"/>. Like a script's
    /// redeclaration, it may not change the type that existing definitions rely on.
    /// </summary>
    public Symbol DefineGlobal(string name, AtlasType type, Value value, bool mutable)
    {
        HostNames.Validate(name);
        var conflict = _check.DependentsOf(name).FirstOrDefault(d => !RedefinitionRules.SameType(type, d.UsedAs.Type));
        if (conflict.Definition != null)
            throw new InvalidOperationException(
                $"'{name}' cannot become {type.Display}: '{conflict.Definition}' uses it as {conflict.UsedAs.Type.Display}");
        if (FunctionNamed(name) is { } replaced) FunctionReplaced?.Invoke(replaced);
        var symbol = new Symbol { Name = name, Kind = SymbolKind.Global, Mutable = mutable, Type = type };
        if (_slots.TryGetValue(name, out int slot) && !_imported.Remove(name)) _globals.Alias(symbol, slot);
        else slot = _globals.SlotOf(symbol);
        _slots[name] = slot;
        SetSlot(slot, value);
        _check.Define(symbol);
        return symbol;
    }

    /// <summary>Stores a new value in an existing top-level name (the caller has checked that it fits its type).</summary>
    public void SetGlobalValue(string name, Value value)
    {
        if (!_check.Globals.ContainsKey(name) || !_slots.TryGetValue(name, out int slot))
            throw new InvalidOperationException($"'{name}' is not defined");
        SetSlot(slot, value);
    }

    private void SetSlot(int slot, Value value)
    {
        if (slot >= _vm.Globals.Length) Array.Resize(ref _vm.Globals, Math.Max(slot + 1, _vm.Globals.Length * 2));
        _vm.StoreGlobal(slot, value);
    }

    private Interpreter NewInterpreter() => new() { Out = Output };

    private static IEnumerable<(Symbol Symbol, int Item)> TopLevelSymbols(CompilationUnit unit)
    {
        for (int i = 0; i < unit.Items.Count; i++)
        {
            switch (unit.Items[i])
            {
                case VarDecl { Symbol: { Kind: SymbolKind.Global } s }: yield return (s, i); break;
                case FnDecl { Symbol: { Kind: SymbolKind.Function } s }: yield return (s, i); break;
            }
        }
    }

    /// <summary>
    /// Makes a unit's definitions visible to later source: every function (all are bound before the first statement
    /// runs), aliases, and the variables whose declaration ran, i.e. those before the failing item.
    /// </summary>
    private void Commit(CompilationUnit unit, List<(Symbol Symbol, int Item)> declarations, int failingItem)
    {
        foreach (var item in unit.Items)
            if (item is TypeAliasDecl { ResolvedTarget: { } target } alias) _check.DefineAlias(alias.Name, target);
        foreach (var (symbol, index) in declarations)
            if (symbol.Kind == SymbolKind.Function || index < failingItem) _check.Define(symbol);
    }

    /// <summary>The top-level item that was running when the error happened, from the script's frame.</summary>
    private static int FailingItem(CompilationUnit unit, CompiledProgram program, Exception error)
    {
        if (error is not AtlasRuntimeException runtime) return 0;
        foreach (var frame in runtime.AtlasStack)
        {
            if (!ReferenceEquals(frame.Proto, program.Script) && !(frame.Proto == null && frame.FunctionName == program.Script.Name))
                continue;
            for (int i = 0; i < unit.Items.Count; i++)
            {
                var span = unit.Items[i].Span;
                if (span.Start <= frame.Span.Start && frame.Span.Start < Math.Max(span.End, span.Start + 1))
                    return i;
            }
        }
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a new thread with a large stack (compiled code recurses on it) under the
    /// session's limits, cancellable by <see cref="Interrupt"/>. A host function calling back runs on the script
    /// thread already, inside the limits of the run that called it.
    /// </summary>
    private (Value Value, Exception? Error) Run(Func<Interpreter, Value> body, CancellationToken cancellation)
    {
        if (OnScriptThread)
        {
            try { return (body(_vm), null); }
            catch (Exception e) { return (Value.Null, e); }
        }
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation, cancellation);
        lock (_runLock) _running = cancel;
        var vm = _vm;
        vm.Tiering = Tiering;
        vm.MaxDepth = MaxDepth;
        // The run starts at the base of the thread below (a host function calling back runs on it already).
        vm.StackRoomDepth = Interpreter.StackRoomFor(ScriptThreadStackBytes);
        var limits = new ExecutionLimits
        {
            Timeout = Timeout, Cancellation = cancel.Token, MaxMemoryBytes = MaxMemoryBytes, Permissions = Permissions,
        };
        vm.Limits = limits;
        Value value = Value.Null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            // Interpreter.Run starts from a clean state by itself; a host's call into a function needs it done here.
            vm.Sp = 0;
            vm.FrameCount = 0;
            vm.Depth = 0;
            vm.StartLimits();
            ExecutionLimits.Current = limits;
            try { value = body(vm); }
            catch (Exception e) { error = e; }
            finally { ExecutionLimits.Current = null; }
        }, ScriptThreadStackBytes);
        _scriptThread = thread;
        try
        {
            thread.Start();
            thread.Join();
        }
        finally
        {
            _scriptThread = null;
            lock (_runLock) _running = null;
        }
        return (value, error);
    }
}
