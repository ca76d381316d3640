using System.Text.Json;
using Atlas.Formatting;
using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Features;
using Atlas.Repl.Lsp.Protocol;
using StreamJsonRpc;

namespace Atlas.Repl.Lsp;

/// <summary>
/// The JSON-RPC methods of <c>atlas lsp</c> (LSP 3.17 names). Every request on an unknown document or a position
/// outside it gets an empty answer; diagnostics are pushed after every open and change.
/// </summary>
internal sealed class LanguageServer(Func<PublishDiagnosticsParams, Task> publish)
{
    /// <summary>LSP's RequestFailed: a request that was understood but cannot be carried out (a refused rename).</summary>
    private const int RequestFailed = -32803;
    private readonly DocumentStore _documents = new();
    private readonly TaskCompletionSource<bool> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool ShutdownRequested { get; private set; }

    /// <summary>Completes on <c>exit</c> with whether <c>shutdown</c> came first.</summary>
    public Task<bool> Exited => _exit.Task;

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(JsonElement? parameters) =>
        new(new ServerCapabilities(), new ServerInfo("atlas", typeof(LanguageServer).Assembly.GetName().Version?.ToString() ?? "0"));

    [JsonRpcMethod("initialized")]
    public void Initialized(JsonElement? parameters) { }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        ShutdownRequested = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _exit.TrySetResult(ShutdownRequested);

    [JsonRpcMethod("textDocument/didOpen")]
    public Task DidOpen(DidOpenTextDocumentParams p) => Analyze(p.TextDocument.Uri, p.TextDocument.Version, p.TextDocument.Text);

    [JsonRpcMethod("textDocument/didChange")]
    public Task DidChange(DidChangeTextDocumentParams p) =>
        p.ContentChanges.Length == 0 ? Task.CompletedTask : Analyze(p.TextDocument.Uri, p.TextDocument.Version, p.ContentChanges[^1].Text);

    [JsonRpcMethod("textDocument/didClose")]
    public Task DidClose(DocumentParams p)
    {
        _documents.Close(p.TextDocument.Uri);
        return publish(new PublishDiagnosticsParams(p.TextDocument.Uri, null, []));
    }

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(TextDocumentPositionParams p) => At(p.TextDocument, p.Position, HoverProvider.Hover);

    [JsonRpcMethod("textDocument/definition")]
    public Location[] Definition(TextDocumentPositionParams p) =>
        At(p.TextDocument, p.Position, (doc, offset) => NavigationProvider.Definition(doc, p.TextDocument.Uri, offset)) ?? [];

    [JsonRpcMethod("textDocument/references")]
    public Location[] References(ReferenceParams p) =>
        At(p.TextDocument, p.Position,
            (doc, offset) => NavigationProvider.References(doc, p.TextDocument.Uri, offset, p.Context?.IncludeDeclaration ?? true)) ?? [];

    [JsonRpcMethod("textDocument/prepareRename")]
    public LspRange? PrepareRename(TextDocumentPositionParams p) => At(p.TextDocument, p.Position, (doc, offset) =>
    {
        var (range, refusal) = RenameProvider.Prepare(doc, offset);
        return range ?? throw new LocalRpcException(refusal!) { ErrorCode = RequestFailed };
    });

    [JsonRpcMethod("textDocument/rename")]
    public WorkspaceEdit? Rename(RenameParams p) => At(p.TextDocument, p.Position, (doc, offset) =>
    {
        var (edits, refusal) = RenameProvider.Rename(doc, offset, p.NewName);
        if (refusal is not null) throw new LocalRpcException(refusal) { ErrorCode = RequestFailed };
        return new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [p.TextDocument.Uri] = edits });
    });

    [JsonRpcMethod("textDocument/documentSymbol")]
    public DocumentSymbol[] DocumentSymbols(DocumentParams p) => Whole(p.TextDocument, DocumentSymbolProvider.Symbols) ?? [];

    [JsonRpcMethod("textDocument/completion")]
    public CompletionItem[] Completion(TextDocumentPositionParams p) => At(p.TextDocument, p.Position, CompletionProvider.Complete) ?? [];

    [JsonRpcMethod("textDocument/signatureHelp")]
    public SignatureHelp? SignatureHelp(TextDocumentPositionParams p) => At(p.TextDocument, p.Position, SignatureHelpProvider.Help);

    [JsonRpcMethod("textDocument/formatting")]
    public TextEdit[] Formatting(DocumentParams p) => Whole(p.TextDocument, doc =>
    {
        var result = Formatter.Format(doc.Text);
        return result.Success && result.Changed ? new[] { new TextEdit(doc.Lines.Whole, result.Text) } : [];
    }) ?? [];

    [JsonRpcMethod("textDocument/foldingRange")]
    public FoldingRange[] FoldingRanges(DocumentParams p) => Whole(p.TextDocument, FoldingProvider.Ranges) ?? [];

    [JsonRpcMethod("textDocument/semanticTokens/full")]
    public SemanticTokens SemanticTokens(DocumentParams p) => Whole(p.TextDocument, SemanticTokenProvider.Tokens) ?? new SemanticTokens([]);

    [JsonRpcMethod("textDocument/inlayHint")]
    public InlayHint[] InlayHints(InlayHintParams p) => Whole(p.TextDocument, doc =>
        InlayHintProvider.Hints(doc, doc.Lines.OffsetOf(p.Range.Start), doc.Lines.OffsetOf(p.Range.End))) ?? [];

    [JsonRpcMethod("textDocument/codeAction")]
    public CodeAction[] CodeActions(CodeActionParams p) => Whole(p.TextDocument, doc =>
        CodeActionProvider.Actions(doc, p.TextDocument.Uri, doc.Lines.OffsetOf(p.Range.Start), doc.Lines.OffsetOf(p.Range.End))) ?? [];

    [JsonRpcMethod("textDocument/prepareCallHierarchy")]
    public CallHierarchyItem[] PrepareCallHierarchy(TextDocumentPositionParams p) =>
        At(p.TextDocument, p.Position, (doc, offset) => CallHierarchyProvider.Prepare(doc, p.TextDocument.Uri, offset)) ?? [];

    [JsonRpcMethod("callHierarchy/incomingCalls")]
    public CallHierarchyIncomingCall[] IncomingCalls(CallHierarchyCallsParams p) =>
        Whole(new TextDocumentIdentifier(p.Item.Uri), doc => CallHierarchyProvider.Incoming(doc, p.Item.Uri, p.Item)) ?? [];

    [JsonRpcMethod("callHierarchy/outgoingCalls")]
    public CallHierarchyOutgoingCall[] OutgoingCalls(CallHierarchyCallsParams p) =>
        Whole(new TextDocumentIdentifier(p.Item.Uri), doc => CallHierarchyProvider.Outgoing(doc, p.Item.Uri, p.Item)) ?? [];

    private async Task Analyze(string uri, int version, string text)
    {
        if (!_documents.Update(uri, version, text, out var analysis)) return;
        var diagnostics = analysis.Diagnostics.Select(d => new LspDiagnostic(
            analysis.Lines.RangeOf(d.Span),
            d.IsError ? LspKinds.SeverityError : LspKinds.SeverityWarning,
            d.Code,
            "atlas",
            d.Help is null ? d.Message : $"{d.Message}\nhelp: {d.Help}")).ToArray();
        await publish(new PublishDiagnosticsParams(uri, version, diagnostics)).ConfigureAwait(false);
    }

    private T? At<T>(TextDocumentIdentifier? document, Position? position, Func<DocumentAnalysis, int, T?> feature)
    {
        var uri = Required(Required(document, "textDocument").Uri, "textDocument.uri");
        var at = Required(position, "position");
        return _documents.Get(uri) is { } doc ? feature(doc, doc.Lines.OffsetOf(at)) : default;
    }

    private T? Whole<T>(TextDocumentIdentifier? document, Func<DocumentAnalysis, T> feature) =>
        _documents.Get(Required(Required(document, "textDocument").Uri, "textDocument.uri")) is { } doc ? feature(doc) : default;

    /// <summary>A parameter the method cannot do without; missing, the request fails with InvalidParams.</summary>
    private static T Required<T>(T? value, string name) where T : class =>
        value ?? throw new ArgumentException($"'{name}' is missing");
}
