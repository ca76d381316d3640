namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/rename</c>.</summary>
public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);
