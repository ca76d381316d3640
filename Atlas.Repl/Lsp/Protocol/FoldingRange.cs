namespace Atlas.Repl.Lsp.Protocol;

/// <summary>A foldable run of lines.</summary>
internal sealed record FoldingRange(int StartLine, int EndLine, string? Kind = null);
