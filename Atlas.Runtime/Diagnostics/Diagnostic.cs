namespace Atlas.Diagnostics;

/// <summary>A compile-time problem as a value: its catalog id, code, severity, message and source span.</summary>
/// <param name="Id">Which diagnostic this is.</param>
/// <param name="Message">The message, with its placeholders filled in.</param>
/// <param name="Span">Where in the source it is.</param>
/// <param name="Help">A hint on how to fix it, when there is one.</param>
public sealed record Diagnostic(DiagnosticId Id, string Message, TextSpan Span, string? Help = null)
{
    /// <summary>The stable code, e.g. <c>AT3001</c>.</summary>
    public string Code => DiagnosticCatalog.Get(Id).Code;
    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity => DiagnosticCatalog.Get(Id).Severity;
    /// <summary>Whether it stops the script from compiling.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Creates a diagnostic, formatting the catalog template with the given arguments.</summary>
    internal static Diagnostic Create(DiagnosticId id, TextSpan span, params object[] args)
    {
        var d = DiagnosticCatalog.Get(id);
        return new Diagnostic(id, args.Length == 0 ? d.Template : string.Format(System.Globalization.CultureInfo.InvariantCulture, d.Template, args), span, d.Help);
    }

    /// <summary><c>error[AT3001]: message</c>, as the CLI's first line shows it.</summary>
    public override string ToString() => $"{(IsError ? "error" : "warning")}[{Code}]: {Message}";
}
