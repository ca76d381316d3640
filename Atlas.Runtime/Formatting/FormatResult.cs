using Atlas.Diagnostics;

namespace Atlas.Formatting;

/// <summary>
/// Outcome of <see cref="Formatter.Format"/>: the formatted text, or (when the source has syntax errors) the source
/// unchanged and the errors that stopped formatting.
/// </summary>
internal sealed record FormatResult(string Text, IReadOnlyList<Diagnostic> Errors, bool Changed)
{
    /// <summary>Set when the formatter could not prove its output equivalent (a formatter bug); the text is the source.</summary>
    public string? InternalError { get; init; }

    public bool Success => Errors.Count == 0 && InternalError is null;
}
