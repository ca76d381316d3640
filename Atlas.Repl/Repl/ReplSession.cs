using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Repl.Cli;
using Atlas.Semantics;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Repl.Repl;

/// <summary>
/// The REPL engine (repl.md): compiles each entry against everything defined so far, runs it on one interpreter whose
/// globals persist, echoes its value and reports errors, keeping the session usable after any of them. A redefined
/// top-level name keeps its global slot, so earlier functions, which read globals by slot, see the new definition.
/// </summary>
public sealed class ReplSession
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly Lock _runLock = new();
    private CheckSession _check = new();
    private GlobalTable _globals = new();
    private Interpreter _vm;
    // The slot of every top-level name compiled so far, even one whose declaration never ran: functions bound to it
    // must see a later declaration of the name.
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<FunctionProto, ReplEntry> _entryOfProto = new(ReferenceEqualityComparer.Instance);
    private CancellationTokenSource? _running;
    private bool _jitEnabled;

    /// <summary>The JIT, or null when this build or session has none.</summary>
    public IReplJit? Jit { get; }
    /// <summary>Entries numbered so far (diagnostics say <c>&lt;repl&gt;:N</c>).</summary>
    public int EntryCount { get; private set; }
    public int MaxDepth { get; init; } = Interpreter.DefaultMaxDepth;
    /// <summary>Managed heap budget while an entry runs (AT0011 above it); null for none.</summary>
    public long? MaxMemoryBytes { get; init; } = RunOptions.DefaultMaxMemoryMb * 1024L * 1024L;

    /// <summary>Whether hot functions are compiled. Turning it off also drops the compiled code of every function so far.</summary>
    public bool JitEnabled
    {
        get => _jitEnabled && Jit != null;
        set
        {
            if (!value && Jit != null)
                foreach (var proto in _entryOfProto.Keys) Jit.Invalidate(proto);
            _jitEnabled = value;
        }
    }

    public ReplSession(TextWriter stdout, TextWriter stderr, IReplJit? jit = null)
    {
        _out = stdout;
        _err = stderr;
        Jit = jit;
        _jitEnabled = jit != null;
        _vm = NewInterpreter();
    }

    /// <summary>Compiles and runs one entry.</summary>
    public EntryOutcome Submit(string text) => Execute(NewEntry(text, null));

    /// <summary>Runs a file's top level into the session (<c>:load</c>); its diagnostics name the file.</summary>
    public EntryOutcome Load(string path, string text) => Execute(NewEntry(text, path));

    /// <summary>Forgets every definition (<c>:reset</c>); entry numbers keep counting.</summary>
    public void Reset()
    {
        _check = new CheckSession();
        _globals = new GlobalTable();
        _slots.Clear();
        _entryOfProto.Clear();
        _vm = NewInterpreter();
    }

    /// <summary>Cancels the entry that is running, if any (Ctrl+C); it stops with AT0010. Returns whether one was.</summary>
    public bool Interrupt()
    {
        lock (_runLock)
        {
            if (_running == null) return false;
            _running.Cancel();
            return true;
        }
    }

    /// <summary>The static type of an expression, without running it (<c>:type</c>); null after reporting an error.</summary>
    public AtlasType? TypeOf(string expression)
    {
        var entry = NewEntry(expression, null);
        var unit = Analyze(entry);
        if (unit == null) return null;
        if (unit.Items is [ExprStmt e]) return e.Expression.Type;
        _out.Flush();
        _err.WriteLine("error: ':type' takes one expression");
        return null;
    }

    /// <summary>The function value a top-level name currently holds (<c>:disasm</c>), or null.</summary>
    public FunctionProto? FunctionNamed(string name)
    {
        if (!_check.Globals.ContainsKey(name) || !_slots.TryGetValue(name, out int slot) || slot >= _vm.Globals.Length) return null;
        var value = _vm.Globals[slot];
        return value.Kind == ValueKind.Function ? value.AsFunction.Proto : null;
    }

    /// <summary>The session's global slots (names for disassembly).</summary>
    public GlobalTable Globals => _globals;

    private ReplEntry NewEntry(string text, string? path)
    {
        EntryCount++;
        return new ReplEntry(EntryCount, text, path ?? $"<repl>:{EntryCount}");
    }

    private Interpreter NewInterpreter() => new() { Out = _out };

    private EntryOutcome Execute(ReplEntry entry)
    {
        var unit = Analyze(entry);
        if (unit == null) return EntryOutcome.CompileError;

        var declarations = TopLevelSymbols(unit).ToList();
        var replaced = new List<FunctionProto>();
        foreach (var (symbol, _) in declarations)
        {
            if (!_slots.TryGetValue(symbol.Name, out int slot)) continue;
            _globals.Alias(symbol, slot);
            if (_check.Globals.TryGetValue(symbol.Name, out var old) && old.Kind == SymbolKind.Function && FunctionNamed(old.Name) is { } proto)
                replaced.Add(proto);
        }
        CompiledProgram program;
        try { program = BytecodeCompiler.Compile(unit, _globals); }
        catch (InvalidOperationException e)
        {
            InternalError(entry, e);
            return EntryOutcome.CompileError;
        }
        foreach (var (symbol, _) in declarations) _slots[symbol.Name] = _globals.SlotOf(symbol);
        foreach (var proto in program.Functions) _entryOfProto[proto] = entry;
        // The old code must never run again, nor any compiled code that bound to it.
        if (Jit != null) foreach (var proto in replaced) Jit.Invalidate(proto);

        var (value, error) = RunScript(program);
        Commit(unit, declarations, error == null ? int.MaxValue : FailingItem(unit, program, error));
        if (error is AtlasRuntimeException runtime)
        {
            _out.Flush();
            var innermost = runtime.AtlasStack.Count > 0 ? EntryOf(runtime.AtlasStack[0]) : null;
            _err.Write(Renderer(innermost ?? entry).Render(runtime));
            return runtime.Kind == RuntimeErrorKind.Cancelled ? EntryOutcome.Interrupted : EntryOutcome.RuntimeError;
        }
        if (error != null)
        {
            InternalError(entry, error);
            return EntryOutcome.RuntimeError;
        }
        if (unit.Items.LastOrDefault() is ExprStmt last && EchoFormatter.IsEchoed(last.Expression.Type) && value.Kind != ValueKind.Undefined)
            _out.WriteLine(EchoFormatter.Format(value, last.Expression.Type!));
        _out.Flush();
        return EntryOutcome.Completed;
    }

    /// <summary>Lex, parse and check an entry against the session, reporting every diagnostic; null when it has errors.</summary>
    private CompilationUnit? Analyze(ReplEntry entry)
    {
        var renderer = Renderer(entry);
        var diagnostics = new List<Diagnostic>(UnsupportedKeywords(entry.Source.Text));
        CompilationUnit? unit = null;
        if (diagnostics.Count == 0)
        {
            var parse = Parser.Parse(entry.Source.Text);
            diagnostics.AddRange(parse.Diagnostics);
            if (!parse.Diagnostics.Any(d => d.IsError))
            {
                diagnostics.AddRange(Checker.Check(parse.Unit, _check).Diagnostics);
                unit = parse.Unit;
            }
        }
        _out.Flush();
        foreach (var d in diagnostics) _err.Write(renderer.Render(d));
        return diagnostics.Any(d => d.IsError) ? null : unit;
    }

    /// <summary>import and export have no meaning in a session (repl.md "Input").</summary>
    private static IEnumerable<Diagnostic> UnsupportedKeywords(string text) =>
        Lexer.Lex(text).Tokens
            .Where(t => t.Kind is TokenKind.Import or TokenKind.Export)
            .Select(t => Diagnostic.Create(DiagnosticId.NotSupportedInRepl, t.Span, t.Text));

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
    /// Makes this entry's definitions visible to later entries: every function (all are bound before the first
    /// statement runs), aliases, and the variables whose declaration ran, i.e. those before the failing item.
    /// </summary>
    private void Commit(CompilationUnit unit, List<(Symbol Symbol, int Item)> declarations, int failingItem)
    {
        foreach (var item in unit.Items)
            if (item is TypeAliasDecl { ResolvedTarget: { } target } alias) _check.DefineAlias(alias.Name, target);
        foreach (var (symbol, index) in declarations)
            if (symbol.Kind == SymbolKind.Function || index < failingItem) _check.Define(symbol);
    }

    /// <summary>The top-level item that was running when the error happened, from the entry script's frame.</summary>
    private static int FailingItem(CompilationUnit unit, CompiledProgram program, Exception error)
    {
        if (error is not AtlasRuntimeException runtime) return 0;
        foreach (var frame in runtime.AtlasStack)
        {
            if (!ReferenceEquals(frame.Proto, program.Script) && !(frame.Proto == null && frame.FunctionName == program.Script.Name)) continue;
            for (int i = 0; i < unit.Items.Count; i++)
                if (unit.Items[i].Span.Start <= frame.Span.Start && frame.Span.Start < Math.Max(unit.Items[i].Span.End, unit.Items[i].Span.Start + 1))
                    return i;
        }
        return 0;
    }

    /// <summary>Runs the entry's script on a thread with a large stack (compiled code recurses on it), cancellable by <see cref="Interrupt"/>.</summary>
    private (Value Value, Exception? Error) RunScript(CompiledProgram program)
    {
        using var cancel = new CancellationTokenSource();
        lock (_runLock) _running = cancel;
        _vm.Tiering = JitEnabled ? Jit!.Hook : null;
        _vm.MaxDepth = MaxDepth;
        _vm.Limits = new ExecutionLimits { Cancellation = cancel.Token, MaxMemoryBytes = MaxMemoryBytes };
        Value value = Value.Null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { value = _vm.Run(program); }
            catch (Exception e) { error = e; }
        }, ProgramRunner.ScriptThreadStackBytes);
        thread.Start();
        thread.Join();
        lock (_runLock) _running = null;
        return (value, error);
    }

    private ReplEntry? EntryOf(StackFrameInfo frame)
    {
        if (frame.Proto != null) return _entryOfProto.GetValueOrDefault(frame.Proto);
        // A frame without its prototype: the most recent function of that name.
        return _entryOfProto.Where(p => p.Key.Name == frame.FunctionName).Select(p => p.Value).MaxBy(e => e.Number);
    }

    private DiagnosticRenderer Renderer(ReplEntry entry) => new(entry.Source, entry.Path)
    {
        Locate = frame => EntryOf(frame) is { } e ? (e.Source, e.Path) : null,
    };

    private void InternalError(ReplEntry entry, Exception e)
    {
        _out.Flush();
        _err.WriteLine($"{entry.Path}: internal error: {e.GetType().Name}: {e.Message}");
        _err.WriteLine("This is a bug in Atlas; please report it with the entry that caused it.");
    }
}
