using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

internal sealed partial class Binder
{
    private void BindExpr(Expr expr)
    {
        switch (expr)
        {
            case NameExpr n:
                n.Symbol = scope.Lookup(n.Name);
                if (n.Symbol is null) Report(DiagnosticId.UnknownSymbol, n.Span, n.Name);
                else if (n.Symbol.Kind is SymbolKind.Global or SymbolKind.Function) rootFunction?.GlobalReferences!.Add(n.Symbol);
                break;
            case ArrayLiteral a: foreach (var e in a.Elements) BindExpr(e); break;
            case UnaryExpr u: BindExpr(u.Operand); break;
            case BinaryExpr b: BindExpr(b.Left); BindExpr(b.Right); break;
            case CallExpr c:
                BindExpr(c.Callee);
                foreach (var arg in c.Args) BindExpr(arg);
                break;
            case IndexExpr i: BindExpr(i.Target); BindExpr(i.Index); break;
            case MemberExpr m:
                BindExpr(m.Target);
                foreach (var arg in m.ArgList) BindExpr(arg);
                break;
            case TryExpr t: BindExpr(t.Operand); break;
            case MatchExpr m: BindMatch(m); break;
            default: break; // literals and error nodes have no names
        }
    }

    private void BindMatch(MatchExpr match)
    {
        BindExpr(match.Scrutinee);
        foreach (var arm in match.Arms)
        {
            WithScope(() =>
            {
                // Alternatives of an or-pattern bind the same names: they share one symbol per name.
                var armNames = new Dictionary<string, Symbol>(StringComparer.Ordinal);
                BindPattern(arm.Pattern, armNames);
                if (arm.Guard is not null) BindExpr(arm.Guard);
                BindExpr(arm.Body);
            });
        }
    }

    private void BindPattern(Pattern pattern, Dictionary<string, Symbol> armNames)
    {
        switch (pattern)
        {
            case LiteralPattern l: BindExpr(l.Literal); break;
            case BindingPattern b:
                if (!armNames.TryGetValue(b.Name, out var symbol))
                {
                    symbol = new Symbol
                    {
                        Name = b.Name, Kind = SymbolKind.Local, Mutable = false, Type = AtlasType.Unknown,
                        DeclarationSpan = b.Span, Owner = currentFunction,
                    };
                    armNames[b.Name] = symbol;
                    scope.Add(symbol);
                }
                b.Symbol = symbol;
                break;
            case ConstructorPattern c: foreach (var p in c.Args) BindPattern(p, armNames); break;
            case ArrayPattern a: foreach (var p in a.Elements) BindPattern(p, armNames); break;
            case OrPattern o: foreach (var p in o.Alternatives) BindPattern(p, armNames); break;
            default: break;
        }
    }
}
