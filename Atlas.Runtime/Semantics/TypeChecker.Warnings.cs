using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>Unused-name warnings (AT2001) and the walk over match arms that are not type-checked.</summary>
internal sealed partial class TypeChecker
{
    /// <summary>
    /// AT2001 for one function, after its other diagnostics (§7). Like the reference, which tracks declarations by
    /// name, a name declared several times in one function is reported once, at its last declaration; warnings come
    /// in the order of those declarations.
    /// </summary>
    private void ReportUnused(FunctionContext context)
    {
        var lastByName = new Dictionary<string, (int Order, Symbol Symbol)>(StringComparer.Ordinal);
        for (var i = 0; i < context.UnusedCandidates.Count; i++)
            lastByName[context.UnusedCandidates[i].Name] = (i, context.UnusedCandidates[i]);
        foreach (var (_, symbol) in lastByName.Values.OrderBy(e => e.Order))
        {
            if (symbol.Name.StartsWith('_') || context.ReadNames.Contains(symbol.Name)) continue;
            var id = symbol.Kind == SymbolKind.Parameter ? DiagnosticId.UnusedParameter : DiagnosticId.UnusedVariable;
            Report(id, symbol.DeclarationSpan, symbol.Name);
        }
    }

    private void SkipArm(MatchArm arm)
    {
        SkipPattern(arm.Pattern);
        if (arm.Guard is not null) SkipExpr(arm.Guard);
        SkipExpr(arm.Body);
    }

    private static void SkipPattern(Pattern pattern)
    {
        switch (pattern)
        {
            case LiteralPattern l: l.Literal.Type = AtlasType.Unknown; break;
            case BindingPattern b: if (b.Symbol is not null) b.Symbol.Type = AtlasType.Unknown; break;
            case ConstructorPattern c: foreach (var p in c.Args) SkipPattern(p); break;
            case ArrayPattern a: foreach (var p in a.Elements) SkipPattern(p); break;
            case OrPattern o: foreach (var p in o.Alternatives) SkipPattern(p); break;
            default: break;
        }
    }

    /// <summary>Annotates an unchecked expression with <c>?</c> throughout, still recording reads for AT2001.</summary>
    private void SkipExpr(Expr expr)
    {
        expr.Type = AtlasType.Unknown;
        switch (expr)
        {
            case NameExpr n: if (n.Symbol is not null) MarkRead(n.Symbol); break;
            case ArrayLiteral a: foreach (var e in a.Elements) SkipExpr(e); break;
            case UnaryExpr u: SkipExpr(u.Operand); break;
            case BinaryExpr b: SkipExpr(b.Left); SkipExpr(b.Right); break;
            case CallExpr c:
                SkipExpr(c.Callee);
                foreach (var e in c.Args) SkipExpr(e);
                break;
            case IndexExpr i: SkipExpr(i.Target); SkipExpr(i.Index); break;
            case MemberExpr m:
                SkipExpr(m.Target);
                foreach (var e in m.ArgList) SkipExpr(e);
                break;
            case TryExpr t: SkipExpr(t.Operand); break;
            case MatchExpr m:
                SkipExpr(m.Scrutinee);
                foreach (var arm in m.Arms) SkipArm(arm);
                break;
            default: break;
        }
    }
}
