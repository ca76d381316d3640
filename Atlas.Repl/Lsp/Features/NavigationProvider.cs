using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Semantics;

namespace Atlas.Repl.Lsp.Features;

/// <summary>Go to definition and find references: every occurrence of the symbol under the cursor.</summary>
internal static class NavigationProvider
{
    public static Location[] Definition(DocumentAnalysis doc, string uri, int offset)
    {
        if (doc.OccurrenceAt(offset) is not { } occurrence || occurrence.Symbol.Kind == SymbolKind.Builtin) return [];
        var declarations = doc.OccurrencesOf(occurrence.Symbol).Where(o => o.IsDeclaration).Select(o => o.Span).ToList();
        if (declarations.Count == 0) declarations.Add(occurrence.Symbol.DeclarationSpan);
        return [.. declarations.Select(span => new Location(uri, doc.Lines.RangeOf(span)))];
    }

    public static Location[] References(DocumentAnalysis doc, string uri, int offset, bool includeDeclaration)
    {
        if (doc.OccurrenceAt(offset) is not { } occurrence) return [];
        return [.. doc.OccurrencesOf(occurrence.Symbol)
            .Where(o => includeDeclaration || !o.IsDeclaration)
            .Select(o => new Location(uri, doc.Lines.RangeOf(o.Span)))];
    }
}
