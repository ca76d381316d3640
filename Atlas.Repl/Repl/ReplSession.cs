using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Hosting;
using Atlas.Repl.Cli;
using Atlas.Semantics;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Repl.Repl;

/// <summary>
/// The REPL engine (repl.md): numbers entries, reports their diagnostics and errors against the entry each frame came
/// from, and echoes values; checking, compiling, running and keeping definitions is <see cref="ScriptSession"/>'s work,
/// shared with <see cref="AtlasEngine"/>. The session stays usable after any error.
/// </summary>
internal sealed partial class ReplSession
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly ScriptSession _session;
    private readonly Dictionary<FunctionProto, ReplEntry> _entryOfProto = new(ReferenceEqualityComparer.Instance);
    private bool _jitEnabled;

    /// <summary>The JIT, or null when this build or session has none.</summary>
    public IReplJit? Jit { get; }
    /// <summary>Entries numbered so far (diagnostics say <c>&lt;repl&gt;:N</c>).</summary>
    public int EntryCount { get; private set; }
    public int MaxDepth { get => _session.MaxDepth; init => _session.MaxDepth = value; }
    /// <summary>Managed heap budget while an entry runs (AT0011 above it); null for none.</summary>
    public long? MaxMemoryBytes { get => _session.MaxMemoryBytes; init => _session.MaxMemoryBytes = value; }
    /// <summary>The files and environment entries may touch (the CLI grants everything unless told otherwise).</summary>
    public AtlasPermissions Permissions { get => _session.Permissions; init => _session.Permissions = value; }

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
        _session = new ScriptSession(stdout)
        {
            MaxMemoryBytes = RunOptions.DefaultMaxMemoryMb * 1024L * 1024L,
            Permissions = AtlasPermissions.All,
            FunctionReplaced = proto => Jit?.Invalidate(proto),
        };
    }

    /// <summary>Compiles and runs one entry.</summary>
    public EntryOutcome Submit(string text) => Execute(NewEntry(text, null));

    /// <summary>Runs a file's top level into the session (<c>:load</c>); its diagnostics name the file.</summary>
    public EntryOutcome Load(string path, string text) => Execute(NewEntry(text, path));

    /// <summary>Forgets every definition (<c>:reset</c>); entry numbers keep counting.</summary>
    public void Reset()
    {
        _session.Reset();
        _entryOfProto.Clear();
    }

    /// <summary>Cancels the entry that is running, if any (Ctrl+C); it stops with AT0010. Returns whether one was.</summary>
    public bool Interrupt() => _session.Interrupt();

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
    public FunctionProto? FunctionNamed(string name) => _session.FunctionNamed(name);

    /// <summary>The session's global slots (names for disassembly).</summary>
    public GlobalTable Globals => _session.Globals;

    private ReplEntry NewEntry(string text, string? path)
    {
        EntryCount++;
        return new ReplEntry(EntryCount, text, path ?? $"<repl>:{EntryCount}");
    }

    private EntryOutcome Execute(ReplEntry entry)
    {
        var unit = Analyze(entry);
        if (unit == null) return EntryOutcome.CompileError;

        _session.Tiering = JitEnabled ? Jit!.Hook : null;
        var run = _session.Execute(unit);
        if (run.Program == null)
        {
            InternalError(entry, run.Error!);
            return EntryOutcome.CompileError;
        }
        foreach (var proto in run.Program.Functions) _entryOfProto[proto] = entry;
        if (run.Error is AtlasRuntimeException runtime)
        {
            _out.Flush();
            var innermost = runtime.AtlasStack.Count > 0 ? EntryOf(runtime.AtlasStack[0]) : null;
            _err.Write(Renderer(innermost ?? entry).Render(runtime));
            return runtime.Kind == RuntimeErrorKind.Cancelled ? EntryOutcome.Interrupted : EntryOutcome.RuntimeError;
        }
        if (run.Error != null)
        {
            InternalError(entry, run.Error);
            return EntryOutcome.RuntimeError;
        }
        var value = run.Value;
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
        if (diagnostics.Count == 0 && !ImportModules(entry)) return null;
        if (diagnostics.Count == 0)
        {
            var analysis = _session.Analyze(entry.Source.Text);
            diagnostics.AddRange(analysis.Diagnostics);
            unit = analysis.Unit;
        }
        _out.Flush();
        foreach (var d in diagnostics) _err.Write(renderer.Render(d));
        return unit;
    }

    /// <summary>export has no meaning in a session (repl.md "Input"); import is an entry of its own kind (see ImportModules).</summary>
    private static IEnumerable<Diagnostic> UnsupportedKeywords(string text) =>
        Lexer.Lex(text).Tokens
            .Where(t => t.Kind is TokenKind.Export)
            .Select(t => Diagnostic.Create(DiagnosticId.NotSupportedInRepl, t.Span, t.Text));

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
