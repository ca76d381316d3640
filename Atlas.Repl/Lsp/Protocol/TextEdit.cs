namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Replace a range with new text.</summary>
public sealed record TextEdit(LspRange Range, string NewText);
