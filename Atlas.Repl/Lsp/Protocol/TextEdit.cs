namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Replace a range with new text.</summary>
internal sealed record TextEdit(LspRange Range, string NewText);
