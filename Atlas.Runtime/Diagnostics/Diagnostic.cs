namespace Atlas.Diagnostics;

/// <summary>A compile-time problem as a value: its catalog id, code, severity, message and source span.</summary>
public sealed record Diagnostic(DiagnosticId Id, string Message, TextSpan Span, string? Help = null)
{
    public string Code => DiagnosticCatalog.Get(Id).Code;
    public DiagnosticSeverity Severity => DiagnosticCatalog.Get(Id).Severity;
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Creates a diagnostic, formatting the catalog template with the given arguments.</summary>
    public static Diagnostic Create(DiagnosticId id, TextSpan span, params object[] args)
    {
        var d = DiagnosticCatalog.Get(id);
        return new Diagnostic(id, args.Length == 0 ? d.Template : string.Format(System.Globalization.CultureInfo.InvariantCulture, d.Template, args), span, d.Help);
    }

    public override string ToString() => $"{(IsError ? "error" : "warning")}[{Code}]: {Message}";
}
