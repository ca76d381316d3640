namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A range in a document.</summary>
internal sealed record Location(string Uri, LspRange Range);
