using System.Globalization;
using System.Text;
using Atlas.Syntax;

namespace Atlas.Tests.Syntax;

/// <summary>Prints syntax trees as compact source with every compound expression parenthesised, so tests can assert tree shape.</summary>
internal static class AstPrinter
{
    public static string Print(CompilationUnit unit) => string.Join(" ", unit.Items.Select(s => Print(s)));

    public static string Print(Stmt stmt, bool withSemicolon = true)
    {
        string end = withSemicolon ? ";" : "";
        return stmt switch
        {
            VarDecl v => $"{(v.Mutable ? "var" : "let")} {v.Name}{(v.DeclaredType is null ? "" : ": " + Print(v.DeclaredType))} = {Print(v.Initializer)}{end}",
            FnDecl f => $"fn {f.Name}{(f.TypeParams.Count == 0 ? "" : "<" + string.Join(", ", f.TypeParams) + ">")}"
                        + $"({string.Join(", ", f.Params.Select(p => $"{p.Name}: {Print(p.Type)}"))})"
                        + $"{(f.ReturnType is null ? "" : " -> " + Print(f.ReturnType))} {Print(f.Body)}",
            TypeAliasDecl t => $"type {t.Name} = {Print(t.Target)};",
            ExprStmt e => Print(e.Expression) + end,
            AssignStmt a => $"{Print(a.Target)} = {Print(a.Value)}{end}",
            CompoundAssignStmt c => $"{Print(c.Target)} {OperatorText.Of(c.Op)}= {Print(c.Value)}{end}",
            IncDecStmt i => $"{Print(i.Target)}{(i.Increment ? "++" : "--")}{end}",
            IfStmt i => $"if ({Print(i.Condition)}) {Print(i.Then)}{(i.Else is null ? "" : " else " + Print(i.Else))}",
            WhileStmt w => $"while ({Print(w.Condition)}) {Print(w.Body)}",
            ForStmt f => $"for ({(f.Init is null ? ";" : Print(f.Init))} {(f.Condition is null ? "" : Print(f.Condition))}; "
                         + $"{(f.Step is null ? "" : Print(f.Step, withSemicolon: false))}) {Print(f.Body)}",
            ForInStmt f => $"for {f.Variable} in {Print(f.Iterable)} {Print(f.Body)}",
            ReturnStmt r => r.Value is null ? "return;" : $"return {Print(r.Value)};",
            BreakStmt => "break;",
            ContinueStmt => "continue;",
            BlockStmt b => b.Statements.Count == 0 ? "{ }" : "{ " + string.Join(" ", b.Statements.Select(s => Print(s))) + " }",
            _ => $"<{stmt.GetType().Name}>",
        };
    }

    public static string Print(Expr expr) => expr switch
    {
        NumberLiteral n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        StringLiteral s => Quote(s.Value),
        BoolLiteral b => b.Value ? "true" : "false",
        NullLiteral => "null",
        NameExpr n => n.Name,
        ArrayLiteral a => "[" + string.Join(", ", a.Elements.Select(Print)) + "]",
        UnaryExpr u => $"({OperatorText.Of(u.Op)}{Print(u.Operand)})",
        BinaryExpr b => $"({Print(b.Left)} {OperatorText.Of(b.Op)} {Print(b.Right)})",
        CallExpr c => $"{Print(c.Callee)}({string.Join(", ", c.Args.Select(Print))})",
        IndexExpr i => $"{Print(i.Target)}[{Print(i.Index)}]",
        MemberExpr m => m.Args is null ? $"{Print(m.Target)}.{m.Name}" : $"{Print(m.Target)}.{m.Name}({string.Join(", ", m.Args.Select(Print))})",
        TryExpr t => $"{Print(t.Operand)}?",
        MatchExpr m => $"match {Print(m.Scrutinee)} {{ {string.Join(", ", m.Arms.Select(Print))} }}",
        ErrorExpr => "<error>",
        _ => $"<{expr.GetType().Name}>",
    };

    private static string Print(MatchArm arm) =>
        $"{Print(arm.Pattern)}{(arm.Guard is null ? "" : " if " + Print(arm.Guard))} => {Print(arm.Body)}";

    public static string Print(Pattern pattern) => pattern switch
    {
        LiteralPattern l => Print(l.Literal),
        WildcardPattern => "_",
        BindingPattern b => b.Name,
        ConstructorPattern c => $"{c.Name}({string.Join(", ", c.Args.Select(Print))})",
        ArrayPattern a => "[" + string.Join(", ", a.Elements.Select(Print)) + "]",
        OrPattern o => "(" + string.Join(" | ", o.Alternatives.Select(Print)) + ")",
        _ => $"<{pattern.GetType().Name}>",
    };

    public static string Print(TypeSyntax type) => type switch
    {
        NamedTypeSyntax n => n.TypeArgs.Count == 0 ? n.Name : $"{n.Name}<{string.Join(", ", n.TypeArgs.Select(Print))}>",
        ArrayTypeSyntax a => $"{Print(a.Element)}[]",
        FunctionTypeSyntax f => $"(({string.Join(", ", f.Params.Select(Print))}) -> {Print(f.Return)})",
        UnsupportedTypeSyntax u => $"<{u.What}>",
        _ => $"<{type.GetType().Name}>",
    };

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '\\' => "\\\\", '"' => "\\\"", _ => c.ToString() });
        }
        return sb.Append('"').ToString();
    }
}
