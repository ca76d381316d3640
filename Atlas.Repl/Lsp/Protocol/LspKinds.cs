namespace Atlas.Repl.Lsp.Protocol;

/// <summary>The LSP enumeration values this server sends (SymbolKind, CompletionItemKind, InlayHintKind, severities).</summary>
internal static class LspKinds
{
    public const int SeverityError = 1;
    public const int SeverityWarning = 2;

    public const int SymbolFile = 1;
    public const int SymbolFunction = 12;
    public const int SymbolVariable = 13;
    public const int SymbolConstant = 14;
    public const int SymbolTypeParameter = 26;

    public const int CompletionFunction = 3;
    public const int CompletionVariable = 6;
    public const int CompletionKeyword = 14;
    public const int CompletionConstant = 21;
    public const int CompletionTypeParameter = 25;
    public const int CompletionMethod = 2;

    public const int InlayHintType = 1;
}
