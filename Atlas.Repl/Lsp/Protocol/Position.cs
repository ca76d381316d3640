namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A zero-based line and UTF-16 character offset in a document.</summary>
internal sealed record Position(int Line, int Character);
