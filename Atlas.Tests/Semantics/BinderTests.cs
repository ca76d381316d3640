namespace Atlas.Tests.Semantics;

[TestClass]
public sealed class BinderTests
{
    [TestMethod]
    [DataRow("print(x);", "AT2002: Unknown symbol 'x'")]
    [DataRow("let x = x;", "AT2002: Unknown symbol 'x'")]
    [DataRow("y = 1;", "AT2002: Unknown symbol 'y'")]
    [DataRow("z += 1;", "AT2002: Unknown symbol 'z'")]
    [DataRow("w++;", "AT2002: Unknown symbol 'w'")]
    [DataRow("print(g); let g = 1;", "AT2002: Unknown symbol 'g'")]
    [DataRow("fn f() { print(g); } let g = 1;", "AT2002: Unknown symbol 'g'")]
    [DataRow("{ let a = 1; } print(a);", "AT2002: Unknown symbol 'a'")]
    [DataRow("if (true) { let a = 1; } print(a);", "AT2002: Unknown symbol 'a'")]
    [DataRow("for (var i = 0; i < 3; i++) { } print(i);", "AT2002: Unknown symbol 'i'")]
    [DataRow("for x in [1] { } print(x);", "AT2002: Unknown symbol 'x'")]
    [DataRow("let v = match 1 { n => n }; print(n);", "AT2002: Unknown symbol 'n'")]
    [DataRow("let v = match 1 { n => 1, _ => n };", "AT2002: Unknown symbol 'n'")]
    [DataRow("fn f() { fn g() -> number { return t; } let t = 1; print(t); print(g()); }", "AT2002: Unknown symbol 't'")]
    [DataRow("fn f() { if (true) { fn g() { } } g(); }", "AT2002: Unknown symbol 'g'")]
    [DataRow("fn f(a: number) -> number { return a; } fn g() -> number { return a; }", "AT2002: Unknown symbol 'a'")]
    [DataRow("fn f() -> number { let x = 1; return x; } print(x);", "AT2002: Unknown symbol 'x'")]
    [DataRow("fn f(a: number) -> number { return a; } let x = 1; f<number>(x);", "AT2002: Unknown symbol 'number'")]
    [DataRow("let a = [1]; a[k] = 1;", "AT2002: Unknown symbol 'k'")]
    [DataRow("let a = [1]; a.push(q);", "AT2002: Unknown symbol 'q'")]
    [DataRow("let r = match 1 { _ if zz => 1, _ => 2 };", "AT2002: Unknown symbol 'zz'")]
    public void UnknownSymbol(string source, string expected) => Assert.AreEqual(expected, CheckHelper.All(source));

    [TestMethod]
    [DataRow("let x = 1; let x = 2;", "AT2003: Symbol 'x' is already defined in this scope")]
    [DataRow("let x = 1; var x = 2;", "AT2003: Symbol 'x' is already defined in this scope")]
    [DataRow("fn f() { let x = 1; let x = 2; print(x); }", "AT2003: Symbol 'x' is already defined in this scope")]
    [DataRow("fn f(a: number, a: number) { }", "AT2003: Symbol 'a' is already defined in this scope")]
    [DataRow("fn f() { } fn f() { }", "AT2003: Function 'f' is already defined")]
    [DataRow("fn f() { } let f = 1;", "AT2003: Symbol 'f' is already defined in this scope")]
    [DataRow("let f = 1; fn f() { }", "AT2003: Symbol 'f' is already defined in this scope")]
    [DataRow("fn f() { fn g() { } fn g() { } }", "AT2003: Function 'g' is already defined")]
    [DataRow("fn f() { fn g() { } let g = 1; print(g); }", "AT2003: Symbol 'g' is already defined in this scope")]
    [DataRow("let PI = 3;", "AT2003: Symbol 'PI' is already defined in this scope")]
    [DataRow("var E = 3;", "AT2003: Symbol 'E' is already defined in this scope")]
    [DataRow("let LN10 = 3;", "AT2003: Symbol 'LN10' is already defined in this scope")]
    public void Redeclaration(string source, string expected) => Assert.AreEqual(expected, CheckHelper.All(source));

    [TestMethod]
    [DataRow("let max = 1;", "AT1012: Cannot shadow prelude builtin 'max' in global scope")]
    [DataRow("var print = 1;", "AT1012: Cannot shadow prelude builtin 'print' in global scope")]
    [DataRow("fn len() { }", "AT1012: Cannot shadow prelude builtin 'len' in global scope")]
    [DataRow("fn sort(a: number[]) -> number[] { return a; }", "AT1012: Cannot shadow prelude builtin 'sort' in global scope")]
    [DataRow("let random = 4;", "AT1012: Cannot shadow prelude builtin 'random' in global scope")]
    [DataRow("let parseJSON = 4;", "AT1012: Cannot shadow prelude builtin 'parseJSON' in global scope")]
    public void PreludeProtection(string source, string expected) => Assert.AreEqual(expected, CheckHelper.All(source));

    [TestMethod]
    [DataRow("let x: Option<number, string> = None;", "AT9999: Generic type 'Option' expects 1 type argument(s), found 2")]
    [DataRow("fn f(r: Result<number>) { print(r); }", "AT9999: Generic type 'Result' expects 2 type argument(s), found 1")]
    [DataRow("let m: HashMap<string> = hashMapNew();", "AT9999: Generic type 'HashMap' expects 2 type argument(s), found 1")]
    [DataRow("let s: HashSet<number, number> = hashSetNew();", "AT9999: Generic type 'HashSet' expects 1 type argument(s), found 2")]
    [DataRow("fn f() -> Array<number, string> { return []; }", "AT9999: Generic type 'Array' expects 1 type argument(s), found 2")]
    [DataRow("let q: Queue<number> = queueNew();", "AT9999: Unknown generic type 'Queue'")]
    [DataRow("let q: Stack<number> = stackNew();", "AT9999: Unknown generic type 'Stack'")]
    [DataRow("let q: Foo<number>[] = [];", "AT9999: Unknown generic type 'Foo'")]
    [DataRow("fn f<T, T>(x: T) -> T { return x; }", "AT9999: Duplicate type parameter 'T'")]
    [DataRow("type Bad = Option<number, number>;", "AT9999: Generic type 'Option' expects 1 type argument(s), found 2")]
    public void TypeSyntaxErrors(string source, string expected) => Assert.AreEqual(expected, CheckHelper.All(source));

    [TestMethod]
    [DataRow("fn f() -> number { let print = 1; let max = print; let len = max; fn str() { } str(); return len; }")]
    [DataRow("let typeof = 1; print(typeof);")]
    [DataRow("let hashMapNew = 2; print(hashMapNew + 1);")]
    [DataRow("if (true) { let print = 1; let y = print + 1; }")]
    [DataRow("let x = 1; { let x = \"s\"; print(x + \"t\"); } print(x + 1);")]
    [DataRow("fn f(a: number) -> string { let a = str(a); return a; }")]
    [DataRow("main(); fn main() { print(helper(2)); } fn helper(n: number) -> number { return n * 2; }")]
    [DataRow("fn f() -> number { fn g(n: number) -> number { return h(n); } fn h(n: number) -> number { return n; } return g(1); }")]
    [DataRow("fn f() -> number { fn fact(n: number) -> number { if (n < 2) { return 1; } return n * fact(n - 1); } return fact(5); }")]
    [DataRow("let g = 1; fn f() -> number { return g; }")]
    [DataRow("let n = 5; for (var i = 0; i < n; i++) { let n = \"s\"; print(n); }")]
    [DataRow("let q: Queue = queueNew(); let s: Stack = stackNew(); let u: Whatever = 1; print(q); print(s); print(u);")]
    [DataRow("print(PI + E + SQRT2 + LN2 + LN10);")]
    [DataRow("let a = Some(1); let b = None; let c = Ok(1); let d = Err(\"e\"); print(None());")]
    [DataRow("type Meters = number; let m: Meters = 5; fn twice(x: Meters) -> Meters { return x * 2; } print(twice(m));")]
    [DataRow("fn f(x: Later) -> Later { return x; } type Later = number; print(f(1) + 1);")]
    public void ValidPrograms(string source) => Assert.AreEqual("", CheckHelper.All(source));

    [TestMethod]
    public void BinderErrorsStopTypeChecking() =>
        Assert.AreEqual("AT2002: Unknown symbol 'y'", CheckHelper.All("let x: number = \"s\"; print(y);"));

    [TestMethod]
    public void BinderReportsAllErrorsInOrder() =>
        Assert.AreEqual("AT2002: Unknown symbol 'a'\nAT2003: Symbol 'x' is already defined in this scope\nAT2002: Unknown symbol 'b'",
            CheckHelper.All("print(a); let x = 1; let x = 2; print(b);"));

    [TestMethod]
    public void ParameterShadowedByBodyLocal() =>
        Assert.AreEqual("", CheckHelper.All("fn f(a: number) -> number { let a = \"s\"; print(a); return 1; }"));

    [TestMethod]
    public void HoistedFunctionErrorsComeFirst() =>
        Assert.AreEqual("AT1012: Cannot shadow prelude builtin 'len' in global scope\nAT2002: Unknown symbol 'a'",
            CheckHelper.All("print(a); fn len() { }"));

    [TestMethod]
    public void NestedFunctionSeesOuterTypeParameters() =>
        Assert.AreEqual("", CheckHelper.Errors("fn outer<T>(x: T) -> T { fn inner(y: T) -> T { return y; } return inner(x); }"));
}
