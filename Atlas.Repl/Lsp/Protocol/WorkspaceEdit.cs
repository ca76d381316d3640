namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Edits per document URI.</summary>
public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);
