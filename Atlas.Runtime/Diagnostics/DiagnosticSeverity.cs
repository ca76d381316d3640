namespace Atlas.Diagnostics;

/// <summary>Whether a diagnostic stops the program.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The script does not compile.</summary>
    Error,
    /// <summary>Reported, but the script still runs (unless warnings are denied).</summary>
    Warning,
}
