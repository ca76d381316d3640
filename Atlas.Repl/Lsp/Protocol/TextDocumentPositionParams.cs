namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A position in a document (hover, definition, completion, signatureHelp, prepareRename).</summary>
internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);
