using Atlas.Syntax;

namespace Atlas.Tests.Syntax;

[TestClass]
public sealed class ParserTests
{
    internal static ParseResult ParseOk(string source)
    {
        var result = Parser.Parse(source);
        Assert.IsEmpty(result.Diagnostics, string.Join("; ", result.Diagnostics.Select(d => $"{d} {d.Span}")));
        return result;
    }

    private static string Shape(string source) => AstPrinter.Print(ParseOk(source).Unit);

    private static string ExprShape(string source) =>
        AstPrinter.Print(((ExprStmt)ParseOk(source + ";").Unit.Items.Single()).Expression);

    [TestMethod]
    [DataRow("1 + 2 * 3", "(1 + (2 * 3))")]
    [DataRow("1 * 2 + 3", "((1 * 2) + 3)")]
    [DataRow("1 - 2 - 3", "((1 - 2) - 3)")]
    [DataRow("8 / 4 / 2", "((8 / 4) / 2)")]
    [DataRow("a * b % c", "((a * b) % c)")]
    [DataRow("(1 + 2) * 3", "((1 + 2) * 3)")]
    [DataRow("a + b < c + d", "((a + b) < (c + d))")]
    [DataRow("1 < 2 == true", "((1 < 2) == true)")]
    [DataRow("a == b != c", "((a == b) != c)")]
    [DataRow("a < b < c", "((a < b) < c)")]
    [DataRow("a >= b <= c > d", "(((a >= b) <= c) > d)")]
    [DataRow("a || b && c", "(a || (b && c))")]
    [DataRow("a && b || c && d", "((a && b) || (c && d))")]
    [DataRow("a || b || c", "((a || b) || c)")]
    [DataRow("x == 1 && y != 2", "((x == 1) && (y != 2))")]
    [DataRow("!a && b", "((!a) && b)")]
    [DataRow("-a * b", "((-a) * b)")]
    [DataRow("- -x", "(-(-x))")]
    [DataRow("!!b", "(!(!b))")]
    [DataRow("!-x", "(!(-x))")]
    [DataRow("-a.len()", "(-a.len())")]
    [DataRow("-f(x)[0]", "(-f(x)[0])")]
    [DataRow("a - -b", "(a - (-b))")]
    [DataRow("f<number>(x)", "((f < number) > x)")]
    public void PrecedenceAndAssociativity(string source, string expected) => Assert.AreEqual(expected, ExprShape(source));

    [TestMethod]
    [DataRow("f()", "f()")]
    [DataRow("f(1, \"a\", [2, 3])", "f(1, \"a\", [2, 3])")]
    [DataRow("make()(6)", "make()(6)")]
    [DataRow("fs[0](1)", "fs[0](1)")]
    [DataRow("(f)(1)", "f(1)")]
    [DataRow("m[1][2]", "m[1][2]")]
    [DataRow("a.len()", "a.len()")]
    [DataRow("a.len", "a.len")]
    [DataRow("a.slice(1, 2).join(\",\")", "a.slice(1, 2).join(\",\")")]
    [DataRow("1.x", "1.x")]
    [DataRow("r?", "r?")]
    [DataRow("f(x)?.len()", "f(x)?.len()")]
    [DataRow("g()??", "g()??")]
    [DataRow("[]", "[]")]
    [DataRow("[[1], []]", "[[1], []]")]
    [DataRow("null", "null")]
    [DataRow("true != false", "(true != false)")]
    [DataRow("\"a\\tb\"", "\"a\\tb\"")]
    [DataRow("2.5e3", "2500")]
    public void PostfixAndPrimaryExpressions(string source, string expected) => Assert.AreEqual(expected, ExprShape(source));

    [TestMethod]
    [DataRow("match x { 1 => \"one\", _ => \"other\" }", "match x { 1 => \"one\", _ => \"other\" }")]
    [DataRow("match x { 1 => 2, }", "match x { 1 => 2 }")]
    [DataRow("match o { Some(v) => v, None => 0 }", "match o { Some(v) => v, None() => 0 }")]
    [DataRow("match o { None() => 0, Some(_) => 1 }", "match o { None() => 0, Some(_) => 1 }")]
    [DataRow("match r { Ok(v) if v > 0 => v, Ok(_) => 0, Err(e) => -1 }", "match r { Ok(v) if (v > 0) => v, Ok(_) => 0, Err(e) => (-1) }")]
    [DataRow("match n { 1 | 2 | 3 => true, _ => false }", "match n { (1 | 2 | 3) => true, _ => false }")]
    [DataRow("match a { [] => 0, [x] => x, [x, y] => x + y, _ => -1 }", "match a { [] => 0, [x] => x, [x, y] => (x + y), _ => (-1) }")]
    [DataRow("match a { [[1, _], \"s\", null, true] => 1 }", "match a { [[1, _], \"s\", null, true] => 1 }")]
    [DataRow("match o { Some(Some(x) | None) => x }", "match o { Some((Some(x) | None())) => x }")]
    [DataRow("match p { Pair(a, b) => a }", "match p { Pair(a, b) => a }")]
    [DataRow("match x { Some => 1 }", "match x { Some => 1 }")]
    [DataRow("match match x { _ => y } { _ => 1 }", "match match x { _ => y } { _ => 1 }")]
    public void MatchExpressions(string source, string expected) => Assert.AreEqual(expected, ExprShape(source));

    [TestMethod]
    public void BareNoneInAPatternIsAConstructorPattern()
    {
        var match = (MatchExpr)((ExprStmt)ParseOk("match o { None => 0, n => 1 };").Unit.Items[0]).Expression;
        var none = (ConstructorPattern)match.Arms[0].Pattern;
        Assert.AreEqual("None", none.Name);
        Assert.IsEmpty(none.Args);
        Assert.IsInstanceOfType<BindingPattern>(match.Arms[1].Pattern);
    }

    [TestMethod]
    [DataRow("let x = 1;", "let x = 1;")]
    [DataRow("var x: number = 1;", "var x: number = 1;")]
    [DataRow("let xs: number[][] = [];", "let xs: number[][] = [];")]
    [DataRow("let o: Option<number> = None;", "let o: Option<number> = None;")]
    [DataRow("let r: Result<Option<number>, string[]>[] = [];", "let r: Result<Option<number>, string[]>[] = [];")]
    [DataRow("let f: (number, string) -> bool = g;", "let f: ((number, string) -> bool) = g;")]
    [DataRow("let f: () -> number[] = g;", "let f: (() -> number[]) = g;")]
    [DataRow("let f: (() -> number)[] = [];", "let f: (() -> number)[] = [];")]
    [DataRow("let f: (number) -> (number) -> number = g;", "let f: ((number) -> ((number) -> number)) = g;")]
    [DataRow("let n: (number) = 1;", "let n: number = 1;")]
    [DataRow("let n: null = null;", "let n: null = null;")]
    [DataRow("let m: HashMap<string, number[]> = hashMapNew();", "let m: HashMap<string, number[]> = hashMapNew();")]
    [DataRow("type Id = number;", "type Id = number;")]
    [DataRow("type F = (Id) -> Option<Id>;", "type F = ((Id) -> Option<Id>);")]
    public void DeclarationsAndTypes(string source, string expected) => Assert.AreEqual(expected, Shape(source));

    [TestMethod]
    [DataRow("fn f() { }", "fn f() { }")]
    [DataRow("fn add(a: number, b: number) -> number { return a + b; }", "fn add(a: number, b: number) -> number { return (a + b); }")]
    [DataRow("fn f(a: number,) { }", "fn f(a: number) { }")]
    [DataRow("fn id<T>(x: T) -> T { return x; }", "fn id<T>(x: T) -> T { return x; }")]
    [DataRow("fn pair<A, B>(a: A, b: B) -> void { }", "fn pair<A, B>(a: A, b: B) -> void { }")]
    [DataRow("fn outer() { fn inner() -> number { return 1; } return; }", "fn outer() { fn inner() -> number { return 1; } return; }")]
    [DataRow("fn apply(f: (number) -> number, x: number) -> number { return f(x); }", "fn apply(f: ((number) -> number), x: number) -> number { return f(x); }")]
    public void FunctionDeclarations(string source, string expected) => Assert.AreEqual(expected, Shape(source));

    [TestMethod]
    [DataRow("x = 1;", "x = 1;")]
    [DataRow("a[0] = 1;", "a[0] = 1;")]
    [DataRow("m[i][j] = v;", "m[i][j] = v;")]
    [DataRow("f()[0] = 1;", "f()[0] = 1;")]
    [DataRow("(a)[0] = 1;", "a[0] = 1;")]
    [DataRow("x += 1; x -= 2; x *= 3; x /= 4; x %= 5;", "x += 1; x -= 2; x *= 3; x /= 4; x %= 5;")]
    [DataRow("a[i] += 2;", "a[i] += 2;")]
    [DataRow("x++; y--; a[0]++;", "x++; y--; a[0]++;")]
    [DataRow("print(1);", "print(1);")]
    [DataRow("match x { _ => 1 };", "match x { _ => 1 };")]
    [DataRow("{ let a = 1; { } }", "{ let a = 1; { } }")]
    [DataRow("return; return 1;", "return; return 1;")]
    [DataRow("while (true) { break; continue; }", "while (true) { break; continue; }")]
    public void SimpleStatements(string source, string expected) => Assert.AreEqual(expected, Shape(source));

    [TestMethod]
    [DataRow("if (a) { x; }", "if (a) { x; }")]
    [DataRow("if (a) { x; } else { y; }", "if (a) { x; } else { y; }")]
    [DataRow("if (a) { } else if (b) { } else { z; }", "if (a) { } else if (b) { } else { z; }")]
    [DataRow("if (a) { } else if (b) { } else if (c) { }", "if (a) { } else if (b) { } else if (c) { }")]
    [DataRow("while (i < 10) { i++; }", "while ((i < 10)) { i++; }")]
    [DataRow("for (var i = 0; i < 3; i++) { }", "for (var i = 0; (i < 3); i++) { }")]
    [DataRow("for (;;) { break; }", "for (; ; ) { break; }")]
    [DataRow("for (i; i < 3; i += 2) { }", "for (i; (i < 3); i += 2) { }")]
    [DataRow("for (; ; i = i + 1) { }", "for (; ; i = (i + 1)) { }")]
    [DataRow("for (; ; a[0]--) { }", "for (; ; a[0]--) { }")]
    [DataRow("for (; ; f()) { }", "for (; ; f()) { }")]
    [DataRow("for x in xs { print(x); }", "for x in xs { print(x); }")]
    [DataRow("for x in [1, 2] { }", "for x in [1, 2] { }")]
    public void ControlFlow(string source, string expected) => Assert.AreEqual(expected, Shape(source));

    [TestMethod]
    public void ElseIfIsANestedIfStatement()
    {
        var outer = (IfStmt)ParseOk("if (a) { } else if (b) { x; } else { y; }").Unit.Items.Single();
        var nested = (IfStmt)outer.Else!;
        Assert.AreEqual("b", ((NameExpr)nested.Condition).Name);
        Assert.IsInstanceOfType<BlockStmt>(nested.Else);
    }

    [TestMethod]
    public void MissingForClausesAreNull()
    {
        var loop = (ForStmt)ParseOk("for (;;) { }").Unit.Items.Single();
        Assert.IsNull(loop.Init);
        Assert.IsNull(loop.Condition);
        Assert.IsNull(loop.Step);
    }

    [TestMethod]
    [DataRow("let x = 1")]
    [DataRow("print(1)")]
    [DataRow("x = 2")]
    [DataRow("x++")]
    [DataRow("return 1")]
    [DataRow("  f(x)  \n\n")]
    [DataRow("let x = 1; // done")]
    [DataRow("fn f() { }")]
    [DataRow("")]
    [DataRow("// only a comment")]
    public void FinalStatementMayOmitItsSemicolon(string source) => ParseOk(source);

    [TestMethod]
    public void MemberWithoutParenthesesHasNullArgs()
    {
        var member = (MemberExpr)((ExprStmt)ParseOk("a.len;").Unit.Items[0]).Expression;
        Assert.IsNull(member.Args);
        Assert.IsEmpty(member.ArgList);
        var call = (MemberExpr)((ExprStmt)ParseOk("a.len();").Unit.Items[0]).Expression;
        Assert.IsNotNull(call.Args);
    }

    [TestMethod]
    public void LiteralValues()
    {
        var unit = ParseOk("[1.5, \"a\\nb\", true, false, null];").Unit;
        var elements = ((ArrayLiteral)((ExprStmt)unit.Items[0]).Expression).Elements;
        Assert.AreEqual(1.5, ((NumberLiteral)elements[0]).Value);
        Assert.AreEqual("a\nb", ((StringLiteral)elements[1]).Value);
        Assert.IsTrue(((BoolLiteral)elements[2]).Value);
        Assert.IsFalse(((BoolLiteral)elements[3]).Value);
        Assert.IsInstanceOfType<NullLiteral>(elements[4]);
    }

    [TestMethod]
    public void CompoundOperatorsMapToBinaryOps()
    {
        var ops = ParseOk("x += 1; x -= 1; x *= 1; x /= 1; x %= 1;").Unit.Items.Cast<CompoundAssignStmt>().Select(s => s.Op);
        CollectionAssert.AreEqual(new[] { BinaryOp.Add, BinaryOp.Sub, BinaryOp.Mul, BinaryOp.Div, BinaryOp.Mod }, ops.ToArray());
    }

    [TestMethod]
    public void LetAndVarMutability()
    {
        var items = ParseOk("let a = 1; var b = 2;").Unit.Items.Cast<VarDecl>().ToList();
        Assert.IsFalse(items[0].Mutable);
        Assert.IsTrue(items[1].Mutable);
    }

    [TestMethod]
    public void ALargeProgramParses()
    {
        const string program = """
            type Id = number;
            fn fib(n: number) -> number {
                if (n < 2) { return n; }
                return fib(n - 1) + fib(n - 2);
            }
            fn half(n: number) -> Result<number, string> {
                if (n % 2 != 0) { return Err("odd"); }
                return Ok(n / 2);
            }
            fn quarter(n: number) -> Result<number, string> {
                let h = half(n)?;
                return half(h);
            }
            var total = 0;
            for (var i = 0; i < 10; i++) { total += fib(i); }
            let grid: number[][] = [[1, 2], [3, 4]];
            grid[1][0] = 9;
            for row in grid { for cell in row { print(cell); } }
            let label = match quarter(12) { Ok(v) if v > 2 => "big", Ok(_) => "small", Err(e) => e };
            while (total > 0) { total -= 7; if (total < 3) { break; } else if (total == 5) { continue; } }
            { let scoped = 1; print(scoped); }
            fib(10)
            """;
        var unit = ParseOk(program).Unit;
        Assert.HasCount(13, unit.Items);
        Assert.IsInstanceOfType<ExprStmt>(unit.Items[^1]);
    }
}
