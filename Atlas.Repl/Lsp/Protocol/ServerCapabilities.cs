namespace Atlas.Repl.Lsp.Protocol;

/// <summary>What the server offers, as LSP's <c>ServerCapabilities</c> (only the members this server sets).</summary>
internal sealed record ServerCapabilities
{
    /// <summary>1 = full-text synchronisation: every change sends the whole document.</summary>
    public int TextDocumentSync { get; init; } = 1;
    public bool HoverProvider { get; init; } = true;
    public bool DefinitionProvider { get; init; } = true;
    public bool ReferencesProvider { get; init; } = true;
    public object RenameProvider { get; init; } = new { prepareProvider = true };
    public bool DocumentSymbolProvider { get; init; } = true;
    public object CompletionProvider { get; init; } = new { triggerCharacters = new[] { "." } };
    public object SignatureHelpProvider { get; init; } = new { triggerCharacters = new[] { "(", "," } };
    public bool DocumentFormattingProvider { get; init; } = true;
    public bool FoldingRangeProvider { get; init; } = true;
    public object SemanticTokensProvider { get; init; } = new { legend = SemanticTokenLegend.Legend, full = true };
    public bool InlayHintProvider { get; init; } = true;
    public bool CallHierarchyProvider { get; init; } = true;
    public object CodeActionProvider { get; init; } = new { codeActionKinds = new[] { "quickfix" } };
}
