using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Stdlib;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Features;

/// <summary><c>textDocument/hover</c>: a name's declaration and type (builtins with their description), or an expression's type.</summary>
internal static class HoverProvider
{
    public static Hover? Hover(DocumentAnalysis doc, int offset)
    {
        if (doc.OccurrenceAt(offset) is { } occurrence)
            return Show(doc, CallableSignature.Of(occurrence.Symbol), occurrence.Span);
        if (MethodAt(doc, offset) is { } member && ArrayMethod.All.TryGetValue(member.Name, out var method))
            return Show(doc, CallableSignature.Of(method), member.NameSpan);
        if (doc.ExpressionAt(offset) is { Type: { } type } expr && !type.IsUnknown)
            return new Hover(new MarkupContent("markdown", Code(type.Display)), doc.Lines.RangeOf(expr.Span));
        return null;
    }

    /// <summary>The method call whose name covers <paramref name="offset"/> (<c>xs.len()</c>).</summary>
    internal static MemberExpr? MethodAt(DocumentAnalysis doc, int offset) =>
        doc.Expressions.OfType<MemberExpr>().FirstOrDefault(m => m.NameSpan.Start <= offset && offset <= m.NameSpan.End);

    private static Hover Show(DocumentAnalysis doc, CallableSignature signature, Diagnostics.TextSpan span)
    {
        var text = Code(signature.Label);
        if (signature.Summary is { } summary) text += "\n\n" + summary;
        return new Hover(new MarkupContent("markdown", text), doc.Lines.RangeOf(span));
    }

    private static string Code(string text) => $"```atlas\n{text}\n```";
}
