namespace Atlas.Syntax;

/// <summary>
/// Visits every node of a tree in source order: statements, expressions, patterns, match arms, parameters and written
/// types. Tools (the formatter, the language server) override the hooks they need; each hook's base walks the children.
/// </summary>
internal abstract class SyntaxWalker
{
    public void Walk(CompilationUnit unit)
    {
        foreach (var item in unit.Items) VisitStmt(item);
    }

    protected virtual void VisitStmt(Stmt stmt)
    {
        switch (stmt)
        {
            case VarDecl v:
                if (v.DeclaredType is not null) VisitType(v.DeclaredType);
                VisitExpr(v.Initializer);
                break;
            case FnDecl f:
                VisitFunction(f);
                break;
            case TypeAliasDecl t: VisitType(t.Target); break;
            case ExprStmt e: VisitExpr(e.Expression); break;
            case AssignStmt a: VisitExpr(a.Target); VisitExpr(a.Value); break;
            case CompoundAssignStmt c: VisitExpr(c.Target); VisitExpr(c.Value); break;
            case IncDecStmt i: VisitExpr(i.Target); break;
            case IfStmt i:
                VisitExpr(i.Condition);
                VisitStmt(i.Then);
                if (i.Else is not null) VisitStmt(i.Else);
                break;
            case WhileStmt w: VisitExpr(w.Condition); VisitStmt(w.Body); break;
            case ForStmt f:
                if (f.Init is not null) VisitStmt(f.Init);
                if (f.Condition is not null) VisitExpr(f.Condition);
                if (f.Step is not null) VisitStmt(f.Step);
                VisitStmt(f.Body);
                break;
            case ForInStmt f: VisitExpr(f.Iterable); VisitStmt(f.Body); break;
            case ReturnStmt r: if (r.Value is not null) VisitExpr(r.Value); break;
            case BlockStmt b: foreach (var s in b.Statements) VisitStmt(s); break;
            default: break;
        }
    }

    /// <summary>A function declaration: its parameters, return type and body.</summary>
    protected virtual void VisitFunction(FnDecl fn)
    {
        foreach (var p in fn.Params) VisitParam(p);
        if (fn.ReturnType is not null) VisitType(fn.ReturnType);
        VisitStmt(fn.Body);
    }

    protected virtual void VisitParam(Param param) => VisitType(param.Type);

    protected virtual void VisitExpr(Expr expr)
    {
        switch (expr)
        {
            case ArrayLiteral a: foreach (var e in a.Elements) VisitExpr(e); break;
            case UnaryExpr u: VisitExpr(u.Operand); break;
            case BinaryExpr b: VisitExpr(b.Left); VisitExpr(b.Right); break;
            case CallExpr c:
                VisitExpr(c.Callee);
                foreach (var e in c.Args) VisitExpr(e);
                break;
            case IndexExpr i: VisitExpr(i.Target); VisitExpr(i.Index); break;
            case MemberExpr m:
                VisitExpr(m.Target);
                foreach (var e in m.ArgList) VisitExpr(e);
                break;
            case TryExpr t: VisitExpr(t.Operand); break;
            case MatchExpr m:
                VisitExpr(m.Scrutinee);
                foreach (var arm in m.Arms) VisitArm(arm);
                break;
            default: break;
        }
    }

    protected virtual void VisitArm(MatchArm arm)
    {
        VisitPattern(arm.Pattern);
        if (arm.Guard is not null) VisitExpr(arm.Guard);
        VisitExpr(arm.Body);
    }

    protected virtual void VisitPattern(Pattern pattern)
    {
        switch (pattern)
        {
            case LiteralPattern l: VisitExpr(l.Literal); break;
            case ConstructorPattern c: foreach (var p in c.Args) VisitPattern(p); break;
            case ArrayPattern a: foreach (var p in a.Elements) VisitPattern(p); break;
            case OrPattern o: foreach (var p in o.Alternatives) VisitPattern(p); break;
            default: break;
        }
    }

    /// <summary>A written type (the whole type; its parts are visited through the base).</summary>
    protected virtual void VisitType(TypeSyntax type)
    {
        switch (type)
        {
            case NamedTypeSyntax n: foreach (var t in n.TypeArgs) VisitType(t); break;
            case ArrayTypeSyntax a: VisitType(a.Element); break;
            case FunctionTypeSyntax f:
                foreach (var t in f.Params) VisitType(t);
                VisitType(f.Return);
                break;
            default: break;
        }
    }
}
