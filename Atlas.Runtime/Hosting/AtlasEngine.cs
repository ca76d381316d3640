using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// Atlas embedded in a .NET program (docs/embedding.md): evaluates scripts one after another against the definitions
/// of the earlier ones, exchanges globals and values with .NET, and lets scripts call host functions. Compile errors
/// throw <see cref="AtlasCompileException"/>, runtime errors <see cref="AtlasRuntimeException"/>; after either the
/// engine is still usable and keeps every definition that was made. One script runs at a time (calls from several
/// threads wait for each other); <see cref="Interrupt"/> may come from any thread.
/// </summary>
public sealed partial class AtlasEngine
{
    private readonly ScriptSession _session;
    private readonly Lock _gate = new();
    // Which source each compiled function came from, to show runtime errors at the right place; weak so that the
    // code of replaced definitions can be collected.
    private readonly ConditionalWeakTable<FunctionProto, ScriptSource> _sources = new();
    private ScriptSource? _lastSource;
    private int _evaluations;

    /// <summary>An engine with the given options (defaults when null): interpreting unless the options plug in a JIT.</summary>
    public AtlasEngine(AtlasOptions? options = null)
    {
        Options = options ?? new AtlasOptions();
        Jit = Options.Jit.CreateHook();
        _session = new ScriptSession(Options.Output ?? Console.Out)
        {
            Tiering = Jit,
            FunctionReplaced = proto => (Jit as IInvalidatingTieringHook)?.Invalidate(proto),
        };
    }

    /// <summary>The options the engine was created with; changes to limits and warnings apply from the next script on.</summary>
    public AtlasOptions Options { get; }

    /// <summary>The JIT in use (from <see cref="JitOptions"/>), or null when the engine only interprets.</summary>
    internal ITieringHook? Jit { get; }

    /// <summary>
    /// Runs <paramref name="source"/> and returns its completion value (that of its last expression statement, as
    /// <c>atlas run</c> prints it) in its .NET form (<see cref="ValueConversion.ToObject"/>); null when there is none.
    /// </summary>
    /// <param name="source">Atlas source text.</param>
    /// <param name="path">The name diagnostics and stack traces show; <c>&lt;eval&gt;:N</c> when omitted.</param>
    /// <param name="cancellation">Cancels this script (AT0010), in addition to <see cref="LimitOptions.Cancellation"/>.</param>
    public object? Evaluate(string source, string? path = null, CancellationToken cancellation = default) =>
        ValueConversion.ToObject(EvaluateValue(source, path, cancellation));

    /// <summary>
    /// Runs <paramref name="source"/> and returns its completion value as <typeparamref name="T"/> (see <see
    /// cref="ValueConversion.ToClr"/>).
    /// </summary>
    public T Evaluate<T>(string source, string? path = null, CancellationToken cancellation = default) =>
        ValueConversion.ToClr<T>(EvaluateValue(source, path, cancellation));

    /// <summary>Runs <paramref name="source"/> and returns its completion value as an Atlas value (null when there is none).</summary>
    public Value EvaluateValue(string source, string? path = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        RefuseOnScriptThread(nameof(Evaluate));
        lock (_gate)
        {
            var script = new ScriptSource(new SourceText(source), path ?? $"<eval>:{_evaluations + 1}");
            _evaluations++;
            ApplyLimits();
            ImportModules(source, script.Path, cancellation);
            var analysis = _session.Analyze(source);
            Report(script, analysis);
            var run = _session.Execute(analysis.Unit!, cancellation);
            _lastSource = script;
            if (run.Program != null)
                foreach (var proto in run.Program.Functions) _sources.AddOrUpdate(proto, script);
            _session.Output.Flush();
            if (run.Error != null) ExceptionDispatchInfo.Throw(run.Error);
            return run.Value.Kind == ValueKind.Undefined ? Value.Null : run.Value.Share();
        }
    }

    /// <summary>Reads and runs an Atlas file; its diagnostics carry <paramref name="path"/>. Returns the completion value.</summary>
    public object? ExecuteFile(string path, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Evaluate(File.ReadAllText(path), path, cancellation);
    }

    /// <summary>Cancels the script or call that is running, if any: it stops with AT0010. Returns whether one was.</summary>
    public bool Interrupt() => _session.Interrupt();

    /// <summary>
    /// A runtime error rendered as the CLI prints it: position, message, source line with a caret, and the Atlas call
    /// stack with the file (or <c>&lt;eval&gt;:N</c>) of each frame.
    /// </summary>
    public string FormatError(AtlasRuntimeException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var innermost = error.AtlasStack.Count > 0 ? SourceOf(error.AtlasStack[0]) : null;
        var at = innermost ?? _lastSource ?? new ScriptSource(new SourceText(""), "<host>");
        var renderer = new DiagnosticRenderer(at.Text, at.Path)
        {
            Locate = frame => SourceOf(frame) is { } s ? (s.Text, s.Path) : null,
        };
        return renderer.Render(error);
    }

    private ScriptSource? SourceOf(StackFrameInfo frame) =>
        frame.Proto != null && _sources.TryGetValue(frame.Proto, out var source) ? source : null;

    /// <summary>Writes the warnings out and throws for errors (or for warnings, when they are denied).</summary>
    private void Report(ScriptSource script, SourceAnalysis analysis)
    {
        var renderer = new DiagnosticRenderer(script.Text, script.Path);
        bool fatal = !analysis.Success || (Options.DenyWarnings && analysis.Diagnostics.Count > 0);
        if (!fatal)
        {
            if (Options.WarningOutput is { } warnings)
                foreach (var d in analysis.Diagnostics) warnings.Write(renderer.Render(d));
            return;
        }
        var text = new StringBuilder();
        foreach (var d in analysis.Diagnostics) text.Append(renderer.Render(d));
        var first = analysis.Diagnostics.FirstOrDefault(d => d.IsError) ?? analysis.Diagnostics[0];
        var header = renderer.Render(first);
        throw new AtlasCompileException(header[..header.IndexOf('\n')], script.Path, analysis.Diagnostics, text.ToString());
    }

    private void ApplyLimits()
    {
        var limits = Options.Limits;
        _session.MaxDepth = limits.MaxDepth;
        _session.Timeout = limits.Timeout;
        _session.Cancellation = limits.Cancellation;
        _session.Permissions = Options.Permissions;
        // The budget is growth from here: the host's own heap is not the script's doing.
        _session.MaxMemoryBytes = limits.MaxMemoryMb is { } mb ? GC.GetTotalMemory(false) + mb * 1024L * 1024L : null;
    }

    // Checked before taking the lock: the thread that started the script holds it while a host function runs.
    private void RefuseOnScriptThread(string what)
    {
        if (_session.OnScriptThread)
            throw new InvalidOperationException($"{what} cannot be used while a script runs (from a host function); only GetGlobal and Call can");
    }

    /// <summary>One evaluated piece of source and the name its diagnostics carry.</summary>
    private sealed record ScriptSource(SourceText Text, string Path);
}
