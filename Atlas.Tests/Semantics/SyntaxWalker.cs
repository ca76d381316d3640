using Atlas.Syntax;

namespace Atlas.Tests.Semantics;

/// <summary>Enumerates every node of a tree (test-side, independent of the checker's own traversal).</summary>
internal static class SyntaxWalker
{
    public static IEnumerable<SyntaxNode> All(SyntaxNode node)
    {
        yield return node;
        foreach (var child in Children(node))
            foreach (var n in All(child))
                yield return n;
    }

    private static IEnumerable<SyntaxNode> Children(SyntaxNode node)
    {
        switch (node)
        {
            case CompilationUnit u: return u.Items;
            case VarDecl v: return [v.Initializer];
            case FnDecl f: return [.. f.Params, f.Body];
            case ExprStmt e: return [e.Expression];
            case AssignStmt a: return [a.Target, a.Value];
            case CompoundAssignStmt c: return [c.Target, c.Value];
            case IncDecStmt i: return [i.Target];
            case IfStmt i: return i.Else is null ? [i.Condition, i.Then] : [i.Condition, i.Then, i.Else];
            case WhileStmt w: return [w.Condition, w.Body];
            case ForStmt f: return new SyntaxNode?[] { f.Init, f.Condition, f.Step, f.Body }.OfType<SyntaxNode>();
            case ForInStmt f: return [f.Iterable, f.Body];
            case ReturnStmt r: return r.Value is null ? [] : [r.Value];
            case BlockStmt b: return b.Statements;
            case ArrayLiteral a: return a.Elements;
            case UnaryExpr u: return [u.Operand];
            case BinaryExpr b: return [b.Left, b.Right];
            case CallExpr c: return [c.Callee, .. c.Args];
            case IndexExpr i: return [i.Target, i.Index];
            case MemberExpr m: return [m.Target, .. m.ArgList];
            case TryExpr t: return [t.Operand];
            case MatchExpr m: return [m.Scrutinee, .. m.Arms];
            case MatchArm a: return a.Guard is null ? [a.Pattern, a.Body] : [a.Pattern, a.Guard, a.Body];
            case LiteralPattern l: return [l.Literal];
            case ConstructorPattern c: return c.Args;
            case ArrayPattern a: return a.Elements;
            case OrPattern o: return o.Alternatives;
            default: return [];
        }
    }
}
