using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Jit;
using Atlas.Semantics;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// The phases of <c>atlas run</c> (as <see cref="global::Atlas.Hosting.Pipeline"/> and the CLI run them, including rendering
/// diagnostics and runtime errors), each checked for the invariants a host relies on.
/// </summary>
public static class FuzzPipeline
{
    /// <summary>
    /// The deepest tree the parser may accept. Every nesting level adds at most two nodes (an <c>if</c> and its block),
    /// and the later phases are tested to fit in 1 MB of stack for such trees (NestingLimitTests). A deeper tree means
    /// some syntax escaped the limit: on the big fuzz stack it would pass, on a host's stack it could crash.
    /// </summary>
    public const int MaxTreeDepth = 2 * Parser.MaxNesting + 8;

    public static FuzzResult Execute(string source, FuzzSettings settings, CancellationToken cancellation, PhaseTracker? phase = null)
    {
        phase ??= new PhaseTracker();
        try
        {
            return ExecuteCore(source, settings, cancellation, phase);
        }
        catch (Exception e)
        {
            return Bug($"{phase.Current}: {e.GetType().Name}: {FirstLine(e.Message)}", e.ToString());
        }
        finally
        {
            phase.Current = "idle";
        }
    }

    private static FuzzResult ExecuteCore(string source, FuzzSettings settings, CancellationToken cancellation, PhaseTracker phase)
    {
        var renderer = new DiagnosticRenderer(new SourceText(source), "fuzz.atl");

        phase.Current = "parse";
        var parse = Parser.Parse(source);
        if (CheckDiagnostics(parse.Diagnostics, source, renderer, phase) is { } parseResult) return parseResult;
        var (treeDepth, _) = TreeShape.Measure(parse.Unit);
        if (treeDepth > MaxTreeDepth) return Bug($"parse: accepted a syntax tree {treeDepth} levels deep (limit {MaxTreeDepth})");

        phase.Current = "check";
        var check = Checker.Check(parse.Unit);
        var (_, typeDepth) = TreeShape.Measure(parse.Unit);
        if (typeDepth > AtlasType.MaxDepth) return Bug($"check: recorded a type {typeDepth} levels deep (limit {AtlasType.MaxDepth})");
        if (CheckDiagnostics(check.Diagnostics, source, renderer, phase) is { } checkResult) return checkResult;

        phase.Current = "compile";
        var program = BytecodeCompiler.Compile(parse.Unit);
        foreach (var proto in program.Functions)
            if (!proto.Validated) return Bug($"compile: prototype {proto.Name} was not validated");

        phase.Current = "disassemble";
        Disassembler.Disassemble(program);

        phase.Current = "run";
        var interpreted = Run(program, source, settings, cancellation, renderer, phase, tiering: null);
        if (!settings.Jit || interpreted.Result.IsBug) return interpreted.Result;

        // The same program again with every function compiled on its first call: it must behave identically.
        phase.Current = "compile for jit";
        var again = BytecodeCompiler.Compile(parse.Unit);
        phase.Current = "run jit";
        var compiled = Run(again, source, settings, cancellation, renderer, phase, new JitEngine(new JitConfig { CompilationThreshold = 1 }));
        if (compiled.Result.IsBug) return compiled.Result with { Detail = "jit " + compiled.Result.Detail };
        return Differs(interpreted, compiled, source) is { } difference ? Bug("jit: " + difference) : interpreted.Result;
    }

    /// <summary>What one run did: the outcome, the output kept and the number of characters written.</summary>
    private sealed record RunRecord(FuzzResult Result, RuntimeErrorKind? Error, string Output, long Written);

    private static RunRecord Run(CompiledProgram program, string source, FuzzSettings settings, CancellationToken cancellation,
        DiagnosticRenderer renderer, PhaseTracker phase, ITieringHook? tiering)
    {
        var output = new BoundedWriter(settings.OutputCapacity);
        var vm = new Interpreter
        {
            Out = output,
            Tiering = tiering,
            MaxDepth = settings.MaxDepth,
            Limits = new ExecutionLimits { Timeout = settings.Timeout, Cancellation = cancellation, MaxMemoryBytes = settings.MaxMemoryBytes },
        };
        string at = phase.Current;
        try
        {
            var completion = vm.Run(program);
            phase.Current = "display";
            output.Write(ValueFormatter.Display(completion));
            return new RunRecord(new FuzzResult(FuzzOutcome.Ok, "ok"), null, output.ToString(), output.Written);
        }
        catch (AtlasRuntimeException e)
        {
            phase.Current = "render runtime error";
            if (e.Span is { } span && !Within(span, source)) return new RunRecord(Bug($"{at}: runtime error {e.Code} has span {span} outside the source"), e.Kind, "", 0);
            renderer.Render(e);
            if (e.Kind == RuntimeErrorKind.Cancelled) return new RunRecord(Bug($"{at}: cancelled (the harness gave up on it)"), e.Kind, "", 0);
            return new RunRecord(new FuzzResult(FuzzOutcome.RuntimeError, e.Code + "\n" + e.Message), e.Kind, output.ToString(), output.Written);
        }
        finally
        {
            phase.Current = at;
        }
    }

    /// <summary>
    /// How the compiled run differs from the interpreted one, or null. Runs cut short by a budget (time, memory) are not
    /// compared, nor programs that use <c>random</c>. Compiled code recurses on the .NET stack and stops with AT0008
    /// where that runs low (on a small host stack long before MaxDepth), so a compiled AT0008 is not compared either,
    /// and after an interpreted AT0008 only the error is.
    /// </summary>
    private static string? Differs(RunRecord interpreted, RunRecord compiled, string source)
    {
        if (interpreted.Error is RuntimeErrorKind.Timeout or RuntimeErrorKind.MemoryLimit
            || compiled.Error is RuntimeErrorKind.Timeout or RuntimeErrorKind.MemoryLimit or RuntimeErrorKind.StackOverflow
            || source.Contains("random", StringComparison.Ordinal)) return null;
        if (interpreted.Result.Signature != compiled.Result.Signature)
            return $"interpreter ended with '{interpreted.Result.Signature}', compiled code with '{compiled.Result.Signature}'";
        if (interpreted.Error == RuntimeErrorKind.StackOverflow) return null;
        if (interpreted.Written != compiled.Written || interpreted.Output != compiled.Output)
        {
            int at = 0;
            while (at < Math.Min(interpreted.Output.Length, compiled.Output.Length) && interpreted.Output[at] == compiled.Output[at]) at++;
            return $"output differs at character {at}: interpreter '{Excerpt(interpreted.Output, at)}', compiled code '{Excerpt(compiled.Output, at)}'";
        }
        return null;
    }

    private static string Excerpt(string text, int at) => text.Substring(at, Math.Min(60, text.Length - at)).Replace("\n", "\\n");

    /// <summary>Null when the phase produced no error; otherwise the Diagnostics outcome, or a bug if a diagnostic is malformed.</summary>
    private static FuzzResult? CheckDiagnostics(IReadOnlyList<Diagnostic> diagnostics, string source, DiagnosticRenderer renderer, PhaseTracker phase)
    {
        string at = phase.Current;
        phase.Current = "render diagnostics";
        foreach (var d in diagnostics)
        {
            if (!Within(d.Span, source)) return Bug($"{at}: diagnostic {d.Code} has span {d.Span} outside the source");
            if (string.IsNullOrEmpty(d.Message)) return Bug($"{at}: diagnostic {d.Code} has no message");
            renderer.Render(d);
        }
        phase.Current = at;
        var firstError = diagnostics.FirstOrDefault(d => d.IsError);
        return firstError is null ? null : new FuzzResult(FuzzOutcome.Diagnostics, firstError.Code + "\n" + firstError.Message);
    }

    private static bool Within(TextSpan span, string source) => span.Start >= 0 && span.Start <= span.End && span.End <= source.Length;

    private static FuzzResult Bug(string summary, string? details = null) =>
        new(FuzzOutcome.Bug, details is null ? summary : summary + "\n" + details);

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}
