using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Analysis;

/// <summary>
/// Collects, from a bound tree, every name with its symbol (declarations and uses, in source order), every expression
/// (for hover on an expression's type) and every <c>let</c>/<c>var</c> written without a type (for inlay hints).
/// </summary>
internal sealed class OccurrenceCollector : SyntaxWalker
{
    public List<Occurrence> Occurrences { get; } = [];
    public List<Expr> Expressions { get; } = [];
    public List<VarDecl> UnannotatedLets { get; } = [];

    protected override void VisitStmt(Stmt stmt)
    {
        switch (stmt)
        {
            case VarDecl v:
                Add(v.Symbol, v.NameSpan, true);
                if (v.DeclaredType is null) UnannotatedLets.Add(v);
                break;
            case ForInStmt f:
                Add(f.Symbol, f.VariableSpan, true);
                break;
            default:
                break;
        }
        base.VisitStmt(stmt);
    }

    protected override void VisitFunction(FnDecl fn)
    {
        Add(fn.Symbol, fn.NameSpan, true);
        base.VisitFunction(fn);
    }

    protected override void VisitParam(Param param)
    {
        Add(param.Symbol, param.NameSpan, true);
        base.VisitParam(param);
    }

    protected override void VisitExpr(Expr expr)
    {
        Expressions.Add(expr);
        if (expr is NameExpr n) Add(n.Symbol, n.Span, false);
        base.VisitExpr(expr);
    }

    protected override void VisitPattern(Pattern pattern)
    {
        if (pattern is BindingPattern b) Add(b.Symbol, b.Span, true);
        base.VisitPattern(pattern);
    }

    private void Add(Symbol? symbol, TextSpan span, bool declaration)
    {
        if (symbol is not null && span.Length > 0) Occurrences.Add(new Occurrence(symbol, span, declaration));
    }
}
