namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of the <c>textDocument/publishDiagnostics</c> notification.</summary>
internal sealed record PublishDiagnosticsParams(string Uri, int? Version, LspDiagnostic[] Diagnostics);
