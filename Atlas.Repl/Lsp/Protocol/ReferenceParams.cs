namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/references</c>.</summary>
internal sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null);
