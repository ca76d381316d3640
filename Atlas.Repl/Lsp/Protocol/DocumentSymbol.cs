namespace Atlas.Repl.Lsp.Protocol;

/// <summary>One entry of the outline, with nested entries.</summary>
internal sealed record DocumentSymbol(
    string Name, string? Detail, int Kind, LspRange Range, LspRange SelectionRange, DocumentSymbol[] Children);
