namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/inlayHint</c>.</summary>
public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, LspRange Range);
