using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Tests.Syntax;

/// <summary>Node spans (language.md §13.4 relies on them for runtime error positions).</summary>
[TestClass]
public sealed class ParserSpanTests
{
    private static string Text(string source, TextSpan span) => source[span.Start..span.End];

    private static (string Source, Stmt Stmt) Single(string source) => (source, ParserTests.ParseOk(source).Unit.Items.Single());

    private static (string Source, Expr Expr) Expression(string source)
    {
        var (src, stmt) = Single(source);
        return (src, ((ExprStmt)stmt).Expression);
    }

    [TestMethod]
    [DataRow("a + b;", "a + b")]
    [DataRow("(1 + 2) * x;", "(1 + 2) * x")]
    [DataRow("x * (1 + 2);", "x * (1 + 2)")]
    [DataRow("((a)) == b;", "((a)) == b")]
    [DataRow("a && b || c;", "a && b || c")]
    [DataRow("foo(1, 2);", "foo(1, 2)")]
    [DataRow("foo( );", "foo( )")]
    [DataRow("(f)(1);", "(f)(1)")]
    [DataRow("make()(6);", "make()(6)")]
    [DataRow("a[i + 1];", "a[i + 1]")]
    [DataRow("m[1][2];", "m[1][2]")]
    [DataRow("xs.push(4);", "xs.push(4)")]
    [DataRow("xs.len;", "xs.len")]
    [DataRow("f()?;", "f()?")]
    [DataRow("-x;", "-x")]
    [DataRow("!(x);", "!(x)")]
    [DataRow("[1, 2];", "[1, 2]")]
    [DataRow("\"str\";", "\"str\"")]
    [DataRow("match x { _ => 1, };", "match x { _ => 1, }")]
    [DataRow("(a);", "a")]
    public void ExpressionSpans(string source, string expected)
    {
        var (src, expr) = Expression(source);
        Assert.AreEqual(expected, Text(src, expr.Span));
    }

    [TestMethod]
    public void NestedCallAndIndexSpansStartAtTheCallee()
    {
        var (src, expr) = Expression("make()(6)[0];");
        var index = (IndexExpr)expr;
        var outerCall = (CallExpr)index.Target;
        var innerCall = (CallExpr)outerCall.Callee;
        Assert.AreEqual("make()(6)[0]", Text(src, index.Span));
        Assert.AreEqual("make()(6)", Text(src, outerCall.Span));
        Assert.AreEqual("make()", Text(src, innerCall.Span));
    }

    [TestMethod]
    public void MemberNameSpan()
    {
        var (src, expr) = Expression("list.slice(1, 2);");
        var member = (MemberExpr)expr;
        Assert.AreEqual("slice", Text(src, member.NameSpan));
        Assert.AreEqual("list", Text(src, member.Target.Span));
    }

    [TestMethod]
    [DataRow("x += 1;", "x += 1;")]
    [DataRow("a[0] *= 2;", "a[0] *= 2;")]
    [DataRow("x++;", "x++;")]
    [DataRow("a[i]--;", "a[i]--;")]
    [DataRow("x = 1;", "x = 1;")]
    [DataRow("m[1][2] = 3;", "m[1][2] = 3;")]
    [DataRow("print(1);", "print(1);")]
    [DataRow("let abc: number = 1;", "let abc: number = 1;")]
    [DataRow("return x;", "return x;")]
    [DataRow("break;", "break;")]
    [DataRow("if (a) { } else { b; }", "if (a) { } else { b; }")]
    [DataRow("if (a) { } else if (b) { }", "if (a) { } else if (b) { }")]
    [DataRow("while (a) { }", "while (a) { }")]
    [DataRow("for (;;) { }", "for (;;) { }")]
    [DataRow("for x in xs { }", "for x in xs { }")]
    [DataRow("{ x; }", "{ x; }")]
    [DataRow("fn f() -> number { return 1; }", "fn f() -> number { return 1; }")]
    [DataRow("type T = number[];", "type T = number[];")]
    [DataRow("  /* c */ x += 1;  // tail", "x += 1;")]
    public void StatementSpansIncludeTheSemicolon(string source, string expected)
    {
        var (src, stmt) = Single(source);
        Assert.AreEqual(expected, Text(src, stmt.Span));
    }

    [TestMethod]
    [DataRow("x += 1")]
    [DataRow("x++")]
    [DataRow("  x = 1\n")]
    public void StatementAtEndWithoutSemicolonEndsAtItsLastToken(string source)
    {
        var (src, stmt) = Single(source);
        Assert.AreEqual(source.Trim(), Text(src, stmt.Span));
    }

    [TestMethod]
    public void DeclarationNameSpans()
    {
        const string source = "let abc = 1; fn add(a: number, bb: number) -> number { return a; } for item in xs { }";
        var items = ParserTests.ParseOk(source).Unit.Items;
        Assert.AreEqual("abc", Text(source, ((VarDecl)items[0]).NameSpan));
        var fn = (FnDecl)items[1];
        Assert.AreEqual("add", Text(source, fn.NameSpan));
        Assert.AreEqual("bb", Text(source, fn.Params[1].NameSpan));
        Assert.AreEqual("bb: number", Text(source, fn.Params[1].Span));
        Assert.AreEqual("{ return a; }", Text(source, fn.Body.Span));
        Assert.AreEqual("item", Text(source, ((ForInStmt)items[2]).VariableSpan));
        Assert.AreEqual("abc", ((VarDecl)items[0]).Name);
    }

    [TestMethod]
    public void TypeSpans()
    {
        const string source = "let x: Option<number>[] = y; let f: (number) -> string = g;";
        var items = ParserTests.ParseOk(source).Unit.Items;
        var array = (ArrayTypeSyntax)((VarDecl)items[0]).DeclaredType!;
        Assert.AreEqual("Option<number>[]", Text(source, array.Span));
        Assert.AreEqual("Option<number>", Text(source, array.Element.Span));
        Assert.AreEqual("(number) -> string", Text(source, ((VarDecl)items[1]).DeclaredType!.Span));
    }

    [TestMethod]
    public void MatchArmAndPatternSpans()
    {
        const string source = "match r { Ok([a, _]) | Err(a) if a > 0 => a, };";
        var match = (MatchExpr)((ExprStmt)ParserTests.ParseOk(source).Unit.Items[0]).Expression;
        var arm = match.Arms[0];
        Assert.AreEqual("Ok([a, _]) | Err(a) if a > 0 => a", Text(source, arm.Span));
        var or = (OrPattern)arm.Pattern;
        Assert.AreEqual("Ok([a, _]) | Err(a)", Text(source, or.Span));
        var ok = (ConstructorPattern)or.Alternatives[0];
        Assert.AreEqual("Ok([a, _])", Text(source, ok.Span));
        Assert.AreEqual("[a, _]", Text(source, ok.Args[0].Span));
    }

    [TestMethod]
    public void SpansCountFromTheStartOfTheFileIncludingAByteOrderMark()
    {
        const string source = "\uFEFF\n  let x = 1;";
        var decl = (VarDecl)ParserTests.ParseOk(source).Unit.Items.Single();
        Assert.AreEqual(new TextSpan(4, 14), decl.Span);
        Assert.AreEqual(new TextSpan(8, 9), decl.NameSpan);
    }

    [TestMethod]
    public void CompilationUnitCoversTheWholeText()
    {
        const string source = "  x;  ";
        Assert.AreEqual(new TextSpan(0, source.Length), ParserTests.ParseOk(source).Unit.Span);
    }
}
