namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A diagnostic as LSP sends it (severity 1 error, 2 warning).</summary>
internal sealed record LspDiagnostic(LspRange Range, int Severity, string Code, string Source, string Message);
