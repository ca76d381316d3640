namespace Atlas.Tests.Semantics;

[TestClass]
public sealed class WarningTests
{
    [TestMethod]
    [DataRow("fn f() -> number {\n    let unused = 42;\n    return 1;\n}", "AT2001: Unused variable 'unused'")]
    [DataRow("fn f(a: number) { }", "AT2001: Unused parameter 'a'")]
    [DataRow("fn f(a: number, b: number) -> number { return b; }", "AT2001: Unused parameter 'a'")]
    [DataRow("fn f() { var x = 0; x = 1; }", "AT2001: Unused variable 'x'")]
    [DataRow("fn f() { var x = 0; x += 1; x++; x--; }", "AT2001: Unused variable 'x'")]
    [DataRow("fn f() { if (true) { let deep = 1; } }", "AT2001: Unused variable 'deep'")]
    [DataRow("fn f() { for (var i = 0; true; ) { break; } }", "AT2001: Unused variable 'i'")]
    [DataRow("fn f() { while (true) { let w = 1; break; } }", "AT2001: Unused variable 'w'")]
    [DataRow("fn f() { fn g(p: number) { } g(1); }", "AT2001: Unused parameter 'p'")]
    [DataRow("fn f() { let t = 1; fn g() { let t = 2; print(t); } g(); }", "AT2001: Unused variable 't'")]
    [DataRow("fn f(a: number) { let a = 1; }", "AT2001: Unused variable 'a'")]
    [DataRow("fn f() { let x = 1; if (true) { let x = 2; } }", "AT2001: Unused variable 'x'")]
    public void UnusedNames(string source, string expected) => Assert.AreEqual(expected, CheckHelper.All(source));

    [TestMethod]
    [DataRow("fn f(_a: number) { let _b = 1; var _c = 2; _c = 3; }")]
    [DataRow("fn f() { var a = [1]; a[0] = 2; }")]
    [DataRow("fn f() { var a = [[1]]; a[0][0] += 2; }")]
    [DataRow("fn f() { for x in [1] { } }")]
    [DataRow("fn f() { let v = match 1 { n => 1 }; print(v); }")]
    [DataRow("fn f(o: Option<number>) -> number { return match o { Some(x) => 1, None => 0 }; }")]
    [DataRow("let unused = 1; var also = 2; { let inner = 3; } if (true) { let more = 4; } for (var i = 0; false; ) { }")]
    [DataRow("fn f(a: number) -> number { return a; }")]
    [DataRow("fn f(a: number[]) -> number { return a.len(); }")]
    [DataRow("fn f(g: () -> number) -> number { return g(); }")]
    [DataRow("fn f(k: number) -> number { let m = hashMapNew(); return match hashMapGet(m, 1) { Some(v) => v + k, _ => 0 }; }")]
    [DataRow("fn f() -> number { let x = 1; if (x > 0) { return x; } return 0; }")]
    [DataRow("fn f(a: number) { let a = 1; print(a); }")]
    [DataRow("fn f() { let x = 1; { let x = 2; print(x); } }")]
    [DataRow("let g = 1; fn f() { print(g); let g = 2; }")]
    // Decision 18: a read inside a nested function that captures the name counts for the function declaring it.
    [DataRow("fn f() { let t = 1; fn g() -> number { return t; } print(g()); }")]
    [DataRow("fn makeScaler(k: number) -> (number) -> number { fn scale(x: number) -> number { return x * k; } return scale; }")]
    [DataRow("fn f(k: number) { fn g() { fn h() { print(k); } h(); } g(); }")]
    public void NoUnusedWarning(string source) => Assert.AreEqual("", CheckHelper.All(source));

    [TestMethod]
    public void UnusedInDeclarationOrderAfterFunctionDiagnostics() =>
        Assert.AreEqual(
            "AT3002: '+' requires matching types, found number and string\nAT2001: Unused parameter 'p'\nAT2001: Unused variable 'a'\nAT2001: Unused variable 'b'",
            CheckHelper.All("fn f(p: number, q: number) { let a = 1; let b = 2; print(q + \"s\"); }"));

    [TestMethod]
    public void RepeatedNameIsReportedOnceAtItsLastDeclaration()
    {
        var source = "fn f() { let x = 1; if (true) { let x = 2; } }";
        var warning = CheckHelper.Diagnostics(source).Single();
        Assert.AreEqual(source.LastIndexOf('x'), warning.Span.Start);
    }

    [TestMethod]
    public void ReferenceHarnessExample() =>
        Assert.AreEqual("AT3003: Cannot assign to immutable variable 'x'\nAT2001: Unused variable 'x'",
            CheckHelper.All("fn f() { let x = 1; x = 2; }"));

    [TestMethod]
    public void NestedFunctionWarningsComeBeforeOuterOnes() =>
        Assert.AreEqual("AT2001: Unused variable 'inner'\nAT2001: Unused variable 'outer'",
            CheckHelper.All("fn f() { let outer = 1; fn g() { let inner = 2; } g(); }"));

    [TestMethod]
    [DataRow("fn f() -> number { return 1; print(\"x\"); }", "AT2002: Unreachable code")]
    [DataRow("fn f() -> number { return 1; print(\"x\"); print(\"y\"); }", "AT2002: Unreachable code\nAT2002: Unreachable code")]
    [DataRow("fn f() -> number { if (true) { return 1; print(2); } return 3; }", "AT2002: Unreachable code")]
    [DataRow("fn f() -> number { return 1; return 2; }", "AT2002: Unreachable code")]
    [DataRow("fn f() -> number { if (true) { return 1; } else { return 2; } print(3); }", "")]
    [DataRow("fn f() -> number { while (true) { return 1; } print(1); return 0; }", "")]
    public void Unreachable(string source, string expected) => Assert.AreEqual(expected, CheckHelper.Warnings(source));

    [TestMethod]
    public void UnreachableCodeIsStillChecked() =>
        Assert.AreEqual("AT2002: Unreachable code\nAT3001: Type mismatch: expected number, found string\nAT2002: Unreachable code",
            CheckHelper.All("fn f() -> number { return 1; let x: number = \"s\"; print(x); }"));

    private const string NotCopy = "AT2013: Type 'Option<number>' is not Copy — consider annotating with 'own' or 'borrow' to clarify ownership intent";

    [TestMethod]
    [DataRow("fn take(o: Option<number>) { print(o); } let o: Option<number> = Some(1); take(o);", NotCopy)]
    [DataRow("fn take(o: Option<number>) -> number { if (true) { return 0; } return take(o); }", NotCopy)]
    [DataRow("fn f() { fn take(o: Option<number>) { print(o); } let o: Option<number> = None; take(o); }", NotCopy)]
    [DataRow("fn take(r: Result<number, string>) { print(r); } let r: Result<number, string> = Ok(1); take(r);", "AT2013: Type 'Result<number, string>' is not Copy — consider annotating with 'own' or 'borrow' to clarify ownership intent")]
    [DataRow("fn take(m: HashMap<string, number>) { print(m); } let m: HashMap<string, number> = hashMapNew(); take(m);", "AT2013: Type 'HashMap<string, number>' is not Copy — consider annotating with 'own' or 'borrow' to clarify ownership intent")]
    [DataRow("fn id<T>(x: T) -> T { return x; } fn g<T>(x: T) -> T { return id(x); }", "AT2013: Type 'T' is not Copy — consider annotating with 'own' or 'borrow' to clarify ownership intent")]
    [DataRow("let o: Option<number> = Some(1); take(o); fn take(o: Option<number>) { print(o); }", "")]
    [DataRow("fn take(o: Option<number>) { print(o); } take(Some(1));", "")]
    [DataRow("fn take(a: number[], f: () -> number, s: string) { print(a); print(f); print(s); } fn k() -> number { return 1; } take([1], k, \"s\");", "")]
    [DataRow("let o: Option<number> = Some(1); print(o); print(is_some(o));", "")]
    public void NotCopy_(string source, string expected) => Assert.AreEqual(expected, CheckHelper.Warnings(source));
}
