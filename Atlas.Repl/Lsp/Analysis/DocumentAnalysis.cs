using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Analysis;

/// <summary>
/// One version of a document, analysed once: its tokens, the diagnostics <c>atlas check</c> reports for it (same
/// pipeline, so same codes, messages and spans), and the bound tree's names and expressions that the editor features
/// read. Source that does not parse is still bound as far as the parser got, so names keep working where they can.
/// </summary>
internal sealed class DocumentAnalysis
{
    private DocumentAnalysis(string text)
    {
        Text = text;
        Lines = new LineMap(text);
        Tokens = Lexer.Lex(text).Tokens;
    }

    public string Text { get; }
    public LineMap Lines { get; }
    public IReadOnlyList<Token> Tokens { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];
    /// <summary>The tree (partial when the source does not parse).</summary>
    public CompilationUnit? Unit { get; private set; }
    /// <summary>Every name written in the document with its symbol, in source order.</summary>
    public IReadOnlyList<Occurrence> Occurrences { get; private set; } = [];
    public IReadOnlyList<Expr> Expressions { get; private set; } = [];
    public IReadOnlyList<VarDecl> UnannotatedLets { get; private set; } = [];

    public static DocumentAnalysis Analyze(string text)
    {
        var analysis = new DocumentAnalysis(text);
        // The diagnostics phases of Pipeline.Compile (which `atlas check` runs): parse, then check only when the parse
        // succeeded. Code generation reports nothing, so it is skipped here.
        var parse = Parser.Parse(text);
        var unit = parse.Unit;
        if (parse.HasErrors)
        {
            analysis.Diagnostics = parse.Diagnostics;
            // Bind what parsed so that hover, navigation and completion still work in the rest of the file; those
            // diagnostics are not the CLI's, so they are dropped, and a tree the binder cannot take stays unbound.
            TryBind(unit);
        }
        else analysis.Diagnostics = [.. parse.Diagnostics, .. Checker.Check(unit).Diagnostics];
        analysis.Unit = unit;
        var collector = new OccurrenceCollector();
        collector.Walk(unit);
        analysis.Occurrences = [.. collector.Occurrences.OrderBy(o => o.Span.Start)];
        analysis.Expressions = collector.Expressions;
        analysis.UnannotatedLets = collector.UnannotatedLets;
        return analysis;
    }

    private static void TryBind(CompilationUnit unit)
    {
        try { Checker.Check(unit); }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException or ArgumentException or KeyNotFoundException
                                      or InvalidCastException or IndexOutOfRangeException)
        {
            // Partial trees are best effort: the features that need symbols answer empty results instead.
        }
    }

    /// <summary>The name at <paramref name="offset"/> (a cursor just after the name counts).</summary>
    public Occurrence? OccurrenceAt(int offset)
    {
        foreach (var o in Occurrences)
        {
            if (o.Span.Start > offset) break;
            if (offset <= o.Span.End) return o;
        }
        return null;
    }

    public IEnumerable<Occurrence> OccurrencesOf(Symbol symbol) => Occurrences.Where(o => ReferenceEquals(o.Symbol, symbol));

    /// <summary>The innermost expression that covers <paramref name="offset"/>.</summary>
    public Expr? ExpressionAt(int offset)
    {
        Expr? best = null;
        foreach (var e in Expressions)
        {
            if (e.Span.Start <= offset && offset < e.Span.End && (best is null || e.Span.Length <= best.Span.Length)) best = e;
        }
        return best;
    }

    /// <summary>Index of the token that covers or ends at <paramref name="offset"/>, or -1.</summary>
    public int TokenAt(int offset)
    {
        for (var i = 0; i < Tokens.Count; i++)
        {
            var t = Tokens[i];
            if (t.Span.Start > offset) break;
            if (offset <= t.Span.End && t.Span.Length > 0) return i;
        }
        return -1;
    }
}
