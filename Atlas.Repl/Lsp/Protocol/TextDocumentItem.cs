namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A document as opened by the client.</summary>
public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);
