namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Names a document by URI.</summary>
internal sealed record TextDocumentIdentifier(string Uri);
