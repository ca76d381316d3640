namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Parameters of <c>textDocument/codeAction</c> (the client's context is not needed).</summary>
internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, LspRange Range);
