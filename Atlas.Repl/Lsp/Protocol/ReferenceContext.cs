namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Whether <c>textDocument/references</c> includes the declaration.</summary>
public sealed record ReferenceContext(bool IncludeDeclaration);
