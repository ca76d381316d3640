namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters that name only a document (didClose, documentSymbol, foldingRange, semanticTokens/full, formatting).</summary>
internal sealed record DocumentParams(TextDocumentIdentifier TextDocument);
