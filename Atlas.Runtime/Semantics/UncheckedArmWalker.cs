using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>
/// Walks a match arm that is not type-checked: annotates every expression and binding with <c>?</c> and still records
/// each name read, for AT2001.
/// </summary>
internal sealed class UncheckedArmWalker(Action<Symbol> markRead) : SyntaxWalker
{
    public void Skip(MatchArm arm) => VisitArm(arm);

    protected override void VisitExpr(Expr expr)
    {
        expr.Type = AtlasType.Unknown;
        if (expr is NameExpr { Symbol: { } symbol }) markRead(symbol);
        base.VisitExpr(expr);
    }

    protected override void VisitPattern(Pattern pattern)
    {
        if (pattern is BindingPattern { Symbol: { } symbol }) symbol.Type = AtlasType.Unknown;
        base.VisitPattern(pattern);
    }
}
