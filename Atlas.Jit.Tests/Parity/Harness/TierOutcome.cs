using System.Text;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Harness;

/// <summary>
/// What one run of a program did, in the terms the parity properties compare: printed output, then either the result
/// value, a runtime error (code, message, span and Atlas call stack), a crash (any other .NET exception) or a hang.
/// </summary>
public sealed record TierOutcome(string Output, string? Result, string? Error, string? Crash, bool Hung)
{
    public bool Failed => Crash != null || Hung;

    /// <summary>The runtime error's kind when the run ended with one (for statistics), else null.</summary>
    public RuntimeErrorKind? ErrorKind { get; init; }
    /// <summary>The runtime error's code and message without its location (for statistics), else null.</summary>
    public string? ErrorSummary { get; init; }

    public static TierOutcome Returned(string output, Value result) =>
        new(output, $"{result.Kind}: {ValueFormatter.Display(result)}", null, null, false);

    public static TierOutcome Raised(string output, AtlasRuntimeException e)
    {
        var sb = new StringBuilder();
        sb.Append(e.Code).Append(' ').Append(e.Message).Append(" at ").Append(e.Span?.ToString() ?? "<no span>");
        foreach (var f in e.AtlasStack) sb.Append("\n    in ").Append(f.FunctionName).Append(' ').Append(f.Span);
        return new TierOutcome(output, null, sb.ToString(), null, false) { ErrorKind = e.Kind, ErrorSummary = $"{e.Code} {e.Message}" };
    }

    public static TierOutcome Crashed(string output, Exception e) =>
        new(output, null, null, $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}", false);

    public static TierOutcome TimedOut(string output) => new(output, null, null, null, true);

    /// <summary>The observable behaviour, the part two tiers must agree on.</summary>
    public string Behaviour
    {
        get
        {
            var ending = Hung ? "HANG (no answer within the wall-clock limit)"
                : Crash != null ? "CRASH " + Crash
                : Error != null ? "ERROR " + Error
                : "RESULT " + Result;
            return $"output:\n{Indent(Output)}\n{ending}";
        }
    }

    private static string Indent(string text) =>
        text.Length == 0 ? "    (none)" : string.Join('\n', text.TrimEnd('\n').Split('\n').Select(l => "    " + l));

    public override string ToString() => Behaviour;
}
