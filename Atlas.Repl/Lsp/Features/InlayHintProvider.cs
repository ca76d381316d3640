using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;

namespace Atlas.Repl.Lsp.Features;

/// <summary><c>textDocument/inlayHint</c>: the inferred type after the name of each <c>let</c>/<c>var</c> written without one.</summary>
internal static class InlayHintProvider
{
    public static InlayHint[] Hints(DocumentAnalysis doc, int start, int end) =>
    [
        .. doc.UnannotatedLets
            .Where(v => v.NameSpan.End >= start && v.NameSpan.End <= end && v.Symbol is { Type.IsUnknown: false })
            .Select(v => new InlayHint(doc.Lines.PositionOf(v.NameSpan.End), ": " + v.Symbol!.Type.Display, LspKinds.InlayHintType, false)),
    ];
}
