using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Formatting;

/// <summary>
/// What the formatter needs from the syntax tree that tokens alone do not tell: which tokens belong to a written type
/// (so <c>&lt;</c> and <c>&gt;</c> are brackets, not comparisons), which <c>{</c> opens a match body, and which
/// <c>(</c> opens a parameter list (the only lists besides match arms that may end in a comma).
/// </summary>
internal sealed class LayoutFacts : SyntaxWalker
{
    private readonly List<TextSpan> _typeSpans = [];
    private readonly List<int> _matchBodyAfter = [];
    private readonly List<int> _paramListAfter = [];

    public bool[] InType { get; }
    public HashSet<int> MatchBraces { get; } = [];
    public HashSet<int> ParamParens { get; } = [];

    public LayoutFacts(CompilationUnit unit, IReadOnlyList<Token> tokens)
    {
        Walk(unit);
        InType = new bool[tokens.Count];
        _typeSpans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var next = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var start = tokens[i].Span.Start;
            while (next < _typeSpans.Count && _typeSpans[next].End <= start) next++;
            InType[i] = next < _typeSpans.Count && _typeSpans[next].Start <= start && tokens[i].Span.End <= _typeSpans[next].End
                        && tokens[i].Span.Length > 0;
        }
        Mark(tokens, _matchBodyAfter, TokenKind.LeftBrace, MatchBraces);
        Mark(tokens, _paramListAfter, TokenKind.LeftParen, ParamParens);
    }

    /// <summary>For each offset, the index of the first token of <paramref name="kind"/> at or after it.</summary>
    private static void Mark(IReadOnlyList<Token> tokens, List<int> offsets, TokenKind kind, HashSet<int> into)
    {
        foreach (var offset in offsets)
        {
            int lo = 0, hi = tokens.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (tokens[mid].Span.Start < offset) lo = mid + 1; else hi = mid;
            }
            while (lo < tokens.Count && tokens[lo].Kind != kind && tokens[lo].Kind != TokenKind.Eof) lo++;
            if (lo < tokens.Count && tokens[lo].Kind == kind) into.Add(lo);
        }
    }

    protected override void VisitType(TypeSyntax type) => _typeSpans.Add(type.Span);

    protected override void VisitFunction(FnDecl fn)
    {
        _paramListAfter.Add(fn.NameSpan.End);
        base.VisitFunction(fn);
    }

    protected override void VisitExpr(Expr expr)
    {
        if (expr is MatchExpr m) _matchBodyAfter.Add(m.Scrutinee.Span.End);
        base.VisitExpr(expr);
    }
}
