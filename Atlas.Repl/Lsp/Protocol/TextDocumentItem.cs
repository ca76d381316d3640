namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A document as opened by the client.</summary>
internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);
