namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A foldable run of lines.</summary>
public sealed record FoldingRange(int StartLine, int EndLine, string? Kind = null);
