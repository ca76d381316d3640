namespace Atlas.Repl.Lsp.Protocol;

/// <summary>The result of <c>textDocument/hover</c>.</summary>
internal sealed record Hover(MarkupContent Contents, LspRange? Range);
