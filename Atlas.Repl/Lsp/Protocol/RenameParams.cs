namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/rename</c>.</summary>
internal sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);
