using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Tests.Semantics;

[TestClass]
public sealed class RobustnessTests
{
    private static TextSpan At(int start) => new(start, start + 1);

    [TestMethod]
    public void ErrorNodesAreTypedUnknownSilently()
    {
        var error1 = new ErrorExpr { Span = At(0) };
        var error2 = new ErrorExpr { Span = At(1) };
        var error3 = new ErrorExpr { Span = At(2) };
        var binary = new BinaryExpr { Op = BinaryOp.Add, Left = error2, Right = new NumberLiteral { Value = 1 } };
        var unit = new CompilationUnit
        {
            Items =
            [
                new VarDecl { Mutable = false, Name = "x", NameSpan = At(0), Initializer = error1, Span = At(0) },
                new ExprStmt { Expression = binary },
                new IfStmt { Condition = error3, Then = new BlockStmt { Statements = [] } },
                new ExprStmt { Expression = new CallExpr { Callee = new ErrorExpr(), Args = [new ErrorExpr()] } },
                new ExprStmt { Expression = new MatchExpr { Scrutinee = new ErrorExpr(), Arms = [new MatchArm { Pattern = new WildcardPattern(), Body = new ErrorExpr() }] } },
            ],
        };
        var result = Checker.Check(unit);
        Assert.IsEmpty(result.Diagnostics);
        Assert.IsTrue(error1.Type!.IsUnknown);
        Assert.IsTrue(error2.Type!.IsUnknown);
        Assert.IsTrue(error3.Type!.IsUnknown);
        Assert.IsTrue(binary.Type!.IsUnknown);
        Assert.IsTrue(((VarDecl)unit.Items[0]).Symbol!.Type.IsUnknown);
    }

    [TestMethod]
    public void HandBuiltTreeWithoutParser()
    {
        var use = new NameExpr { Name = "n", Span = At(30) };
        var param = new Param { Name = "n", NameSpan = At(8), Type = new NamedTypeSyntax { Name = "number" } };
        var fn = new FnDecl
        {
            Name = "f", NameSpan = At(3), TypeParams = [], Params = [param], ReturnType = new NamedTypeSyntax { Name = "number" },
            Body = new BlockStmt { Statements = [new ReturnStmt { Value = new BinaryExpr { Op = BinaryOp.Mul, Left = use, Right = new NumberLiteral { Value = 2 } } }] },
        };
        var call = new CallExpr { Callee = new NameExpr { Name = "f" }, Args = [new StringLiteral { Value = "s", Span = At(50) }] };
        var unit = new CompilationUnit { Items = [fn, new ExprStmt { Expression = call }] };
        var result = Checker.Check(unit);
        Assert.AreEqual("AT3001: Argument 1 type mismatch: expected number, found string", CheckHelper.Format(result.Diagnostics));
        Assert.AreEqual(new TextSpan(50, 51), result.Diagnostics[0].Span);
        Assert.AreSame(param.Symbol, use.Symbol);
        Assert.AreEqual("number", call.Type!.Display);
    }

    [TestMethod]
    [DataRow("let x = ;")]
    [DataRow("fn f( { }")]
    [DataRow("fn (a: number) { return a; }")]
    [DataRow("let = 5; print(y);")]
    [DataRow("if (x { print(1); }")]
    [DataRow("match x { }")]
    [DataRow("let v = match 1 { => 2 };")]
    [DataRow("for (i = 0; i < 3; i++) { }")]
    [DataRow("for x [1] { }")]
    [DataRow("x = y = 1;")]
    [DataRow("f() = 1;")]
    [DataRow("let a: (number, string) = 1;")]
    [DataRow("let a: () = 1;")]
    [DataRow("let a: number | string = 1;")]
    [DataRow("let a: { x: number } = 1;")]
    [DataRow("fn f<T>(x: T -> T { return x; }")]
    [DataRow("let s = \"unterminated;")]
    [DataRow("let n = 1e;")]
    [DataRow("let q = @;")]
    [DataRow("{ let a = 1; ")]
    [DataRow("print(1, );")]
    [DataRow("a.b = 1;")]
    [DataRow("import { x } from \"./m\";")]
    [DataRow("type = number;")]
    [DataRow("let x = [1, 2;")]
    [DataRow("fn f() -> { }")]
    [DataRow("while (true) { break }")]
    [DataRow("let v = match 1 { Some(x, => 1 };")]
    [DataRow("let v = match 1 { [1, => 1 };")]
    [DataRow("fn f() { fn g( } }")]
    [DataRow("let x = 1 +;")]
    [DataRow("x++ ++;")]
    [DataRow("return")]
    [DataRow("")]
    public void NeverThrowsOnWhatTheParserProduces(string source)
    {
        var parsed = Parser.Parse(source);
        var result = Checker.Check(parsed.Unit);
        Assert.IsNotNull(result.Diagnostics);
    }
}
