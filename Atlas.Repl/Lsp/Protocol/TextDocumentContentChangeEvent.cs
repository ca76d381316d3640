namespace Atlas.Repl.Lsp.Protocol;

/// <summary>One change; with full-text sync, <c>Text</c> is the whole new document.</summary>
internal sealed record TextDocumentContentChangeEvent(string Text, LspRange? Range = null);
