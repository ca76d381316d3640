namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Edits per document URI.</summary>
internal sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);
