namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/inlayHint</c>.</summary>
internal sealed record InlayHintParams(TextDocumentIdentifier TextDocument, LspRange Range);
