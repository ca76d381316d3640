namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A document and the version a change brings it to.</summary>
internal sealed record VersionedTextDocumentIdentifier(string Uri, int Version);
