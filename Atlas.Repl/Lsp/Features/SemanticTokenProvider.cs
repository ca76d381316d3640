using Atlas.Formatting;
using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Semantics;
using Atlas.Syntax;
using L = Atlas.Repl.Lsp.Protocol.SemanticTokenLegend;

namespace Atlas.Repl.Lsp.Features;

/// <summary>
/// <c>textDocument/semanticTokens/full</c>: keywords, numbers, strings, comments, and names classified by what they
/// resolve to (function, parameter, variable, builtin, type). Tokens that span lines are split per line.
/// </summary>
internal static class SemanticTokenProvider
{
    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "number", "string", "bool", "void", "null", "Option", "Result", "HashMap", "HashSet", "Queue", "Stack", "json",
    };

    private readonly record struct Classified(int Start, int Length, int Type, int Modifiers);

    public static SemanticTokens Tokens(DocumentAnalysis doc)
    {
        var items = new List<Classified>();
        foreach (var comment in Comment.All(doc.Text, doc.Tokens))
            items.Add(new Classified(comment.Start, comment.Text.Length, L.Comment, 0));
        var occurrences = new Dictionary<int, Occurrence>();
        foreach (var o in doc.Occurrences) occurrences.TryAdd(o.Span.Start, o);
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            var token = doc.Tokens[i];
            if (token.Span.Length == 0) continue;
            var classified = Classify(doc, i, occurrences);
            if (classified is { } c) items.Add(new Classified(token.Span.Start, token.Span.Length, c.Type, c.Modifiers));
        }
        return new SemanticTokens(Encode(doc, items.OrderBy(t => t.Start)));
    }

    private static (int Type, int Modifiers)? Classify(DocumentAnalysis doc, int index, Dictionary<int, Occurrence> occurrences)
    {
        var token = doc.Tokens[index];
        switch (token.Kind)
        {
            case TokenKind.Number: return (L.Number, 0);
            case TokenKind.String: return (L.String, 0);
            case TokenKind.Identifier: break;
            default: return Lexer.IsKeyword(token.Kind) ? (L.Keyword, 0) : null;
        }
        if (occurrences.TryGetValue(token.Span.Start, out var o) && o.Span == token.Span)
        {
            var declaration = o.IsDeclaration ? L.DeclarationBit : 0;
            var symbol = o.Symbol;
            return symbol.Kind switch
            {
                SymbolKind.Function or SymbolKind.NestedFunction => (L.Function, declaration),
                SymbolKind.Parameter => (L.Parameter, declaration),
                SymbolKind.Builtin when symbol.Type is FunctionType || BuiltinSymbols.FunctionSymbols.ContainsKey(symbol.Name)
                    => (L.Function, L.DefaultLibraryBit),
                SymbolKind.Builtin => (L.Variable, L.ReadonlyBit | L.DefaultLibraryBit),
                _ => (L.Variable, declaration | (symbol.Mutable ? 0 : L.ReadonlyBit)),
            };
        }
        if (index > 0 && doc.Tokens[index - 1].Kind == TokenKind.Dot) return (L.Function, L.DefaultLibraryBit);
        if (TypeNames.Contains(token.Text) || char.IsUpper(token.Text[0])) return (L.Type, 0);
        return null;
    }

    /// <summary>LSP's relative encoding: line delta, start delta (on the same line), length, type, modifiers.</summary>
    private static int[] Encode(DocumentAnalysis doc, IEnumerable<Classified> items)
    {
        var data = new List<int>();
        int lastLine = 0, lastChar = 0;
        foreach (var item in items)
        {
            var start = item.Start;
            var end = item.Start + item.Length;
            while (start < end)
            {
                var position = doc.Lines.PositionOf(start);
                var lineEnd = doc.Text.IndexOf('\n', start, end - start);
                var pieceEnd = lineEnd < 0 ? end : lineEnd;
                if (pieceEnd > start)
                {
                    data.Add(position.Line - lastLine);
                    data.Add(position.Line == lastLine ? position.Character - lastChar : position.Character);
                    data.Add(pieceEnd - start);
                    data.Add(item.Type);
                    data.Add(item.Modifiers);
                    lastLine = position.Line;
                    lastChar = position.Character;
                }
                start = lineEnd < 0 ? end : lineEnd + 1;
            }
        }
        return [.. data];
    }
}
