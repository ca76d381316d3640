namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/didChange</c>.</summary>
internal sealed record DidChangeTextDocumentParams(
    VersionedTextDocumentIdentifier TextDocument, TextDocumentContentChangeEvent[] ContentChanges);
