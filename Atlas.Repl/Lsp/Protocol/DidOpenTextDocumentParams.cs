namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/didOpen</c>.</summary>
public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);
