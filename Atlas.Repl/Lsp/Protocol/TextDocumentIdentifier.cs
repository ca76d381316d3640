namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Names a document by URI.</summary>
public sealed record TextDocumentIdentifier(string Uri);
