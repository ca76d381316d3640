namespace Atlas.Repl.Lsp.Protocol;

/// <summary>Semantic tokens, five integers per token, relative to the previous one.</summary>
internal sealed record SemanticTokens(int[] Data);
