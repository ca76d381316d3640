using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Semantics;
using Atlas.Stdlib;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Features;

/// <summary>
/// <c>textDocument/completion</c>: after <c>.</c> the array methods; elsewhere the names in scope at the cursor (top-level
/// names, and the parameters and locals of the enclosing functions declared before it), the builtins with their
/// signatures, and the keywords.
/// </summary>
internal static class CompletionProvider
{
    public static CompletionItem[] Complete(DocumentAnalysis doc, int offset)
    {
        if (AfterDot(doc, offset))
            return [.. ArrayMethod.All.Values.Select(m => Item(CallableSignature.Of(m), m.Name, LspKinds.CompletionMethod))];
        var items = new List<CompletionItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in InScope(doc, offset))
        {
            if (!seen.Add(symbol.Name)) continue;
            var kind = symbol.Kind is SymbolKind.Function or SymbolKind.NestedFunction
                ? LspKinds.CompletionFunction
                : LspKinds.CompletionVariable;
            items.Add(Item(CallableSignature.Of(symbol), symbol.Name, kind));
        }
        foreach (var symbol in BuiltinSymbols.FunctionSymbols.Values.Concat(BuiltinSymbols.ConstantSymbols.Values))
        {
            if (!seen.Add(symbol.Name)) continue;
            var kind = BuiltinSymbols.ConstantSymbols.ContainsKey(symbol.Name) ? LspKinds.CompletionConstant : LspKinds.CompletionFunction;
            items.Add(Item(CallableSignature.Of(symbol), symbol.Name, kind));
        }
        foreach (var keyword in Lexer.KeywordTexts.Where(seen.Add))
            items.Add(new CompletionItem(keyword, LspKinds.CompletionKeyword, "keyword"));
        return [.. items];
    }

    private static CompletionItem Item(CallableSignature signature, string name, int kind) =>
        new(name, kind, signature.Label, signature.Summary);

    private static bool AfterDot(DocumentAnalysis doc, int offset)
    {
        var i = doc.Tokens.Count - 1;
        while (i >= 0 && (doc.Tokens[i].Span.Start >= offset || doc.Tokens[i].Span.Length == 0)) i--;
        if (i < 0) return false;
        // "xs." or "xs.le|": the token before the cursor (or before the word being typed) is a dot.
        if (doc.Tokens[i].Kind == TokenKind.Dot) return true;
        return doc.Tokens[i].Kind == TokenKind.Identifier && doc.Tokens[i].Span.End >= offset
            && i > 0 && doc.Tokens[i - 1].Kind == TokenKind.Dot;
    }

    /// <summary>Declarations visible at <paramref name="offset"/>, innermost first (block scopes are approximated by functions).</summary>
    private static IEnumerable<Symbol> InScope(DocumentAnalysis doc, int offset)
    {
        var enclosing = doc.Occurrences
            .Where(o => o.IsDeclaration && o.Symbol.Declaration is { } fn && fn.Body.Span.Start < offset && offset < fn.Body.Span.End)
            .Select(o => o.Symbol.Declaration!)
            .ToList();
        return doc.Occurrences
            .Where(o => o.IsDeclaration && o.Symbol.Kind != SymbolKind.Builtin)
            .Where(o => o.Symbol.Owner is null || enclosing.Any(fn => ReferenceEquals(fn, o.Symbol.Owner)))
            .Where(o => o.Symbol.Kind is SymbolKind.Function or SymbolKind.NestedFunction || o.Span.End <= offset)
            .OrderByDescending(o => o.Span.Start)
            .Select(o => o.Symbol);
    }
}
