namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Whether <c>textDocument/references</c> includes the declaration.</summary>
internal sealed record ReferenceContext(bool IncludeDeclaration);
