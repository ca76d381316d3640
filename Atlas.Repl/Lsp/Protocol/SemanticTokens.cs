namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Semantic tokens, five integers per token, relative to the previous one.</summary>
public sealed record SemanticTokens(int[] Data);
