using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Tests.Semantics;

[TestClass]
public sealed class AnnotationTests
{
    private static CompilationUnit Clean(string source)
    {
        var (unit, result) = CheckHelper.Run(source);
        Assert.AreEqual("", CheckHelper.Format(result.Diagnostics.Where(d => d.IsError)));
        return unit;
    }

    private static VarDecl Var(CompilationUnit unit, string name) => CheckHelper.Single<VarDecl>(unit, v => v.Name == name);
    private static FnDecl Fn(CompilationUnit unit, string name) => CheckHelper.Single<FnDecl>(unit, f => f.Name == name);
    private static List<NameExpr> Uses(CompilationUnit unit, string name) => CheckHelper.Find<NameExpr>(unit).Where(n => n.Name == name).ToList();

    [TestMethod]
    public void GlobalsAndTopLevelFunctions()
    {
        var unit = Clean("let g = 1; var h = \"s\"; fn f(n: number) -> number { return n + g; } print(f(2) + g); h = \"t\";");
        var g = Var(unit, "g").Symbol!;
        Assert.AreEqual(SymbolKind.Global, g.Kind);
        Assert.IsNull(g.Owner);
        Assert.IsFalse(g.Mutable);
        Assert.AreEqual("number", g.Type.Display);
        var h = Var(unit, "h").Symbol!;
        Assert.IsTrue(h.Mutable);
        Assert.AreEqual("string", h.Type.Display);
        var fn = Fn(unit, "f");
        var f = fn.Symbol!;
        Assert.AreEqual(SymbolKind.Function, f.Kind);
        Assert.IsNull(f.Owner);
        Assert.AreSame(fn, f.Declaration);
        Assert.IsFalse(f.Mutable);
        Assert.AreEqual("(number) -> number", f.Type.Display);
        Assert.AreEqual("number", fn.ResolvedReturnType!.Display);
        foreach (var use in Uses(unit, "g")) Assert.AreSame(g, use.Symbol);
        foreach (var use in Uses(unit, "h")) Assert.AreSame(h, use.Symbol);
        Assert.AreSame(f, Uses(unit, "f").Single().Symbol);
    }

    [TestMethod]
    public void ParametersAndLocals()
    {
        var unit = Clean("fn f(a: number, b: string[]) -> number { let x = a; var y = b; for (var i = 0; i < 2; i++) { y = y; } for e in y { print(e); } return x; }");
        var fn = Fn(unit, "f");
        var a = fn.Params[0].Symbol!;
        Assert.AreEqual(SymbolKind.Parameter, a.Kind);
        Assert.AreSame(fn, a.Owner);
        Assert.IsFalse(a.Mutable);
        Assert.AreEqual("string[]", fn.Params[1].Symbol!.Type.Display);
        var x = Var(unit, "x").Symbol!;
        Assert.AreEqual(SymbolKind.Local, x.Kind);
        Assert.AreSame(fn, x.Owner);
        Assert.AreEqual("number", x.Type.Display);
        var y = Var(unit, "y").Symbol!;
        Assert.IsTrue(y.Mutable);
        Assert.AreEqual("string[]", y.Type.Display);
        var i = Var(unit, "i").Symbol!;
        Assert.AreEqual(SymbolKind.Local, i.Kind);
        Assert.AreSame(fn, i.Owner);
        Assert.IsTrue(i.Mutable);
        var forIn = CheckHelper.Find<ForInStmt>(unit).Single();
        Assert.AreEqual(SymbolKind.Local, forIn.Symbol!.Kind);
        Assert.AreSame(fn, forIn.Symbol.Owner);
        Assert.IsTrue(forIn.Symbol.Type.IsUnknown);
        Assert.AreSame(forIn.Symbol, Uses(unit, "e").Single().Symbol);
        Assert.AreSame(a, Uses(unit, "a").Single().Symbol);
        foreach (var use in Uses(unit, "i")) Assert.AreSame(i, use.Symbol);
        Assert.AreEqual("null", Fn(Clean("fn p() { }"), "p").ResolvedReturnType!.Display);
    }

    [TestMethod]
    public void TopLevelBlockLocalsAndNestedFunctions()
    {
        var unit = Clean("if (true) { let t = 1; fn inner() -> number { return 2; } print(t + inner()); } for (var k = 0; k < 1; k++) { print(k); } for z in [1] { print(z); }");
        var t = Var(unit, "t").Symbol!;
        Assert.AreEqual(SymbolKind.Local, t.Kind);
        Assert.IsNull(t.Owner);
        var innerDecl = Fn(unit, "inner");
        Assert.AreEqual(SymbolKind.NestedFunction, innerDecl.Symbol!.Kind);
        Assert.IsNull(innerDecl.Symbol.Owner);
        Assert.AreSame(innerDecl, innerDecl.Symbol.Declaration);
        Assert.AreSame(innerDecl.Symbol, Uses(unit, "inner").Single().Symbol);
        var k = Var(unit, "k").Symbol!;
        Assert.AreEqual(SymbolKind.Local, k.Kind);
        Assert.IsNull(k.Owner);
        var z = CheckHelper.Find<ForInStmt>(unit).Single().Symbol!;
        Assert.AreEqual(SymbolKind.Local, z.Kind);
        Assert.IsNull(z.Owner);
    }

    [TestMethod]
    public void NestedFunctionsInFunctions()
    {
        var unit = Clean("fn outer(n: number) -> number { fn a() -> number { return b() + n; } fn b() -> number { fn c() -> number { return 1; } return c(); } return a(); }");
        var outer = Fn(unit, "outer");
        var a = Fn(unit, "a");
        var b = Fn(unit, "b");
        var c = Fn(unit, "c");
        Assert.AreEqual(SymbolKind.NestedFunction, a.Symbol!.Kind);
        Assert.AreSame(outer, a.Symbol.Owner);
        Assert.AreSame(outer, b.Symbol!.Owner);
        Assert.AreSame(b, c.Symbol!.Owner);
        Assert.AreEqual("() -> number", b.Symbol.Type.Display);
        Assert.AreSame(b.Symbol, Uses(unit, "b").Single().Symbol);
        var nUse = Uses(unit, "n").Single();
        Assert.AreSame(outer.Params[0].Symbol, nUse.Symbol);
        Assert.AreEqual(SymbolKind.Parameter, nUse.Symbol!.Kind);
    }

    [TestMethod]
    public void MatchBindings()
    {
        var unit = Clean("fn f(o: Option<number>) -> number { return match o { Some(v) if v > 0 => v, Some(v) | None => 0 }; }");
        var fn = Fn(unit, "f");
        var bindings = CheckHelper.Find<BindingPattern>(unit);
        Assert.HasCount(2, bindings);
        var first = bindings[0].Symbol!;
        Assert.AreEqual(SymbolKind.Local, first.Kind);
        Assert.AreSame(fn, first.Owner);
        Assert.IsFalse(first.Mutable);
        Assert.AreEqual("number", first.Type.Display);
        Assert.AreNotSame(first, bindings[1].Symbol);
        foreach (var use in Uses(unit, "v")) Assert.AreSame(first, use.Symbol);
        var top = Clean("let r = match [1] { [x] => x, _ => 0 };");
        var x = CheckHelper.Find<BindingPattern>(top).Single().Symbol!;
        Assert.IsNull(x.Owner);
        Assert.AreEqual(SymbolKind.Local, x.Kind);
        Assert.AreSame(x, Uses(top, "x").Single().Symbol);
    }

    [TestMethod]
    public void OrPatternAlternativesShareOneSymbol()
    {
        var unit = Clean("let r: Result<number, number> = Ok(1); print(match r { Ok(v) | Err(v) => v });");
        var bindings = CheckHelper.Find<BindingPattern>(unit);
        Assert.HasCount(2, bindings);
        Assert.AreSame(bindings[0].Symbol, bindings[1].Symbol);
        Assert.AreSame(bindings[0].Symbol, Uses(unit, "v").Single().Symbol);
    }

    [TestMethod]
    public void ShadowingGetsDistinctSymbols()
    {
        var unit = Clean("let x = 1; fn f() -> string { let x = \"s\"; { var x = true; x = false; print(x); } return x; } print(x + 1);");
        var decls = CheckHelper.Find<VarDecl>(unit).Where(v => v.Name == "x").ToList();
        Assert.HasCount(3, decls);
        Assert.AreEqual("number", decls[0].Symbol!.Type.Display);
        Assert.AreEqual("string", decls[1].Symbol!.Type.Display);
        Assert.AreEqual("bool", decls[2].Symbol!.Type.Display);
        Assert.IsTrue(decls[2].Symbol!.Mutable);
        var uses = Uses(unit, "x");
        Assert.HasCount(4, uses);
        Assert.AreSame(decls[2].Symbol, uses[0].Symbol);
        Assert.AreSame(decls[2].Symbol, uses[1].Symbol);
        Assert.AreSame(decls[1].Symbol, uses[2].Symbol);
        Assert.AreSame(decls[0].Symbol, uses[3].Symbol);
    }

    [TestMethod]
    public void Builtins()
    {
        var unit = Clean("print(PI); let o = Some(1); print(len(\"abc\")); print(None); let m = hashMapNew(); print(m);");
        var print = Uses(unit, "print")[0].Symbol!;
        Assert.AreEqual(SymbolKind.Builtin, print.Kind);
        Assert.IsNull(print.Owner);
        Assert.AreEqual("(?) -> void", print.Type.Display);
        foreach (var use in Uses(unit, "print")) Assert.AreSame(print, use.Symbol);
        Assert.AreEqual(SymbolKind.Builtin, Uses(unit, "PI").Single().Symbol!.Kind);
        Assert.AreEqual("number", Uses(unit, "PI").Single().Type!.Display);
        Assert.IsTrue(Uses(unit, "Some").Single().Symbol!.Type.IsUnknown);
        Assert.AreEqual(SymbolKind.Builtin, Uses(unit, "None").Single().Symbol!.Kind);
        Assert.AreEqual(SymbolKind.Builtin, Uses(unit, "hashMapNew").Single().Symbol!.Kind);
        Assert.IsTrue(Var(unit, "o").Symbol!.Type.IsUnknown);
        Assert.AreEqual("(?) -> number", Uses(unit, "len").Single().Symbol!.Type.Display);
    }

    [TestMethod]
    public void UserDeclarationHidesBuiltin()
    {
        var unit = Clean("fn f() -> number { let print = 2; return print; } let typeof = 3; print(typeof);");
        var local = Var(unit, "print").Symbol!;
        var uses = Uses(unit, "print");
        Assert.AreSame(local, uses[0].Symbol);
        Assert.AreEqual(SymbolKind.Builtin, uses[1].Symbol!.Kind);
        Assert.AreEqual(SymbolKind.Global, Uses(unit, "typeof").Single().Symbol!.Kind);
    }

    [TestMethod]
    [DataRow("1 + 2", "number")]
    [DataRow("\"a\" + \"b\"", "string")]
    [DataRow("1 < 2", "bool")]
    [DataRow("1 == 2", "bool")]
    [DataRow("!true", "bool")]
    [DataRow("-1", "number")]
    [DataRow("null", "null")]
    [DataRow("[1, 2]", "number[]")]
    [DataRow("[]", "?[]")]
    [DataRow("[[1], []]", "number[][]")]
    [DataRow("[1][0]", "number")]
    [DataRow("[1].len()", "number")]
    [DataRow("[1].pop()", "?")]
    [DataRow("[1].push(2)", "?[]")]
    [DataRow("[\"a\"].join(\",\")", "string")]
    [DataRow("len(\"abc\")", "number")]
    [DataRow("split(\"a,b\", \",\")", "string[]")]
    [DataRow("print(1)", "void")]
    [DataRow("Some(1)", "?")]
    [DataRow("unwrap(Some(1)) + 1", "?")]
    [DataRow("sqrt", "(number) -> number")]
    [DataRow("match 1 { 1 => \"a\", _ => \"b\" }", "string")]
    [DataRow("match 1 { 1 => 1, _ => \"b\" }", "number | string")]
    [DataRow("match unwrap(Some(1)) { _ => 1 }", "?")]
    public void ExpressionTypes(string expression, string expected)
    {
        var unit = Clean("let probe = " + expression + ";");
        Assert.AreEqual(expected, Var(unit, "probe").Initializer.Type!.Display);
        Assert.AreEqual(expected, Var(unit, "probe").Symbol!.Type.Display);
    }

    [TestMethod]
    public void GenericCallTypes()
    {
        var unit = Clean("fn id<T>(x: T) -> T { return x; } fn wrap<T>(x: T) -> T[] { return [x]; } let a = id(1); let b = wrap(\"s\"); let c = id;");
        Assert.AreEqual("number", Var(unit, "a").Symbol!.Type.Display);
        Assert.AreEqual("string[]", Var(unit, "b").Symbol!.Type.Display);
        Assert.AreEqual("<T>(T) -> T", Var(unit, "c").Symbol!.Type.Display);
        Assert.AreEqual("T", Fn(unit, "id").ResolvedReturnType!.Display);
    }

    [TestMethod]
    [DataRow("fn f() -> number { return 1; print(1 + 2); let u = [1]; print(u[0]); }")]
    [DataRow("let r = match unwrap(Some(1)) { Some(x) if x > 1 => [x, 2][0] + len(\"s\"), [a, 1] => -a, \"lit\" => match 5 { y => y }, _ => 0 };")]
    [DataRow("fn f(m: Foo) -> number { return match m { Some(v) => v.len() + v[0], _ => 1 }; }")]
    [DataRow("let a = [1]; a[0] = 2; a[0] += 1; a[0]++; var s = 1; s = 2; s += 1; s--;")]
    [DataRow("fn f(r: Result<number, string>) -> Result<number, string> { let v = r?; return Ok(v + 1); }")]
    [DataRow("let x = 1 + \"s\"; print(x(1)[2].foo(3));")]
    public void EveryExpressionGetsAType(string source)
    {
        var (unit, _) = CheckHelper.Run(source);
        foreach (var expr in CheckHelper.Find<Expr>(unit))
            Assert.IsNotNull(expr.Type, $"no type on {expr.GetType().Name} at {expr.Span}");
        foreach (var name in CheckHelper.Find<NameExpr>(unit))
            Assert.IsNotNull(name.Symbol, $"no symbol on {name.Name}");
        foreach (var binding in CheckHelper.Find<BindingPattern>(unit))
            Assert.IsNotNull(binding.Symbol, $"no symbol on binding {binding.Name}");
    }

    [TestMethod]
    public void UnknownScrutineeArmsAreTypedUnknown()
    {
        var (unit, _) = CheckHelper.Run("let r = match unwrap(Some(1)) { Some(x) => x + 1, _ => 2 };");
        var arms = CheckHelper.Find<MatchArm>(unit);
        Assert.IsTrue(arms[0].Body.Type!.IsUnknown);
        Assert.IsTrue(arms[1].Body.Type!.IsUnknown);
        Assert.IsTrue(CheckHelper.Find<BindingPattern>(unit).Single().Symbol!.Type.IsUnknown);
    }
}
