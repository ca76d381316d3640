namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A span between two positions (end exclusive).</summary>
internal sealed record LspRange(Position Start, Position End);
