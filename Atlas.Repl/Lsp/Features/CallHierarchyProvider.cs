using Atlas.Diagnostics;
using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Features;

/// <summary>
/// Call hierarchy: the function under the cursor, the functions whose bodies call it (top-level code shows as
/// <c>(top level)</c>) and the user functions it calls, each with the ranges of the calls.
/// </summary>
internal static class CallHierarchyProvider
{
    private const string TopLevel = "(top level)";

    public static CallHierarchyItem[] Prepare(DocumentAnalysis doc, string uri, int offset) =>
        doc.OccurrenceAt(offset) is { Symbol.Declaration: { } fn } ? [Item(doc, uri, fn)] : [];

    public static CallHierarchyIncomingCall[] Incoming(DocumentAnalysis doc, string uri, CallHierarchyItem item)
    {
        if (FunctionOf(doc, item) is not { } target) return [];
        return [.. CallsIn(doc)
            .Where(c => ReferenceEquals(c.Callee, target))
            .GroupBy(c => c.Caller)
            .Select(g => new CallHierarchyIncomingCall(
                g.Key is { } caller ? Item(doc, uri, caller) : TopLevelItem(doc, uri),
                [.. g.Select(c => doc.Lines.RangeOf(c.Span))]))];
    }

    public static CallHierarchyOutgoingCall[] Outgoing(DocumentAnalysis doc, string uri, CallHierarchyItem item)
    {
        if (FunctionOf(doc, item) is not { } source) return [];
        return [.. CallsIn(doc)
            .Where(c => ReferenceEquals(c.Caller, source))
            .GroupBy(c => c.Callee)
            .Select(g => new CallHierarchyOutgoingCall(Item(doc, uri, g.Key), [.. g.Select(c => doc.Lines.RangeOf(c.Span))]))];
    }

    private readonly record struct Call(FnDecl? Caller, FnDecl Callee, TextSpan Span);

    /// <summary>Every call of a user function by name, with the innermost function whose body contains it.</summary>
    private static IEnumerable<Call> CallsIn(DocumentAnalysis doc)
    {
        var functions = Functions(doc).ToList();
        foreach (var call in doc.Expressions.OfType<CallExpr>())
        {
            if (call.Callee is not NameExpr { Symbol.Declaration: { } callee } name) continue;
            var caller = functions
                .Where(f => f.Body.Span.Start <= name.Span.Start && name.Span.End <= f.Body.Span.End)
                .MinBy(f => f.Body.Span.Length);
            yield return new Call(caller, callee, name.Span);
        }
    }

    private static IEnumerable<FnDecl> Functions(DocumentAnalysis doc) =>
        doc.Occurrences.Where(o => o.IsDeclaration && o.Symbol.Kind is SymbolKind.Function or SymbolKind.NestedFunction)
            .Select(o => o.Symbol.Declaration).OfType<FnDecl>();

    /// <summary>The function an item stands for, found again by its name's position.</summary>
    private static FnDecl? FunctionOf(DocumentAnalysis doc, CallHierarchyItem item)
    {
        var offset = doc.Lines.OffsetOf(item.SelectionRange.Start);
        return Functions(doc).FirstOrDefault(f => f.NameSpan.Start == offset && f.Name == item.Name);
    }

    private static CallHierarchyItem Item(DocumentAnalysis doc, string uri, FnDecl fn) => new(
        fn.Name, LspKinds.SymbolFunction, fn.Symbol is { } s ? CallableSignature.Of(s).Label : null, uri,
        doc.Lines.RangeOf(fn.Span), doc.Lines.RangeOf(fn.NameSpan));

    private static CallHierarchyItem TopLevelItem(DocumentAnalysis doc, string uri) =>
        new(TopLevel, LspKinds.SymbolFile, null, uri, doc.Lines.Whole, new LspRange(new Position(0, 0), new Position(0, 0)));
}
