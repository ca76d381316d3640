using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// Runtime errors raised in compiled code are the interpreter's: same code, message, span and Atlas call stack
/// (innermost = failing expression, callers = their call, outermost = the script), whichever tier each frame runs in.
/// </summary>
[TestClass]
public sealed class ErrorParityTests
{
    private static void AssertSameError(string source, int threshold = 1)
    {
        var interpreted = Exec.Run(source, null);
        var compiled = Exec.Run(source, new JitEngine(new JitConfig { Synchronous = true, CompilationThreshold = threshold }));
        Assert.IsNotNull(interpreted.Error, "the program should fail");
        Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error));
        Assert.AreEqual(interpreted.Error.Detail, compiled.Error!.Detail);
        Assert.AreEqual(interpreted.Output, compiled.Output);
        Assert.AreEqual(0, compiled.Vm.Depth, "the call depth is reset after the error");
    }

    private const string Nested = """
        fn inner(x: number) -> number { return 10 / x; }
        fn middle(x: number) -> number { let y = x - 1; return inner(y) + 1; }
        fn outer(n: number) -> number {
            var s = 0;
            for (var i = n; i >= 0; i--) { s += middle(i); }
            return s;
        }
        print(outer(3));
        """;

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(1000)]
    public void NestedCallsAtEveryThreshold(int threshold) => AssertSameError(Nested, threshold);

    [TestMethod]
    public void ErrorInsideABuiltinCallbackRunningCompiled() => AssertSameError("""
        fn check(x: number) -> number { if (x > 2) { return x / 0; } return x; }
        fn apply(xs: number[]) -> number[] { return map(xs, check); }
        print(apply([1, 2]));
        print(apply([1, 2, 3]));
        """);

    [TestMethod]
    public void ErrorInAClosure() => AssertSameError("""
        fn make(k: number) -> (number) -> number {
            fn f(x: number) -> number { return [1, 2][x + k]; }
            return f;
        }
        let g = make(1);
        print(g(0));
        print(g(1));
        """);

    [TestMethod]
    public void ErrorAfterALoopMovedToCompiledCode() => AssertSameError("""
        fn run(n: number) -> number {
            var acc = 0;
            for (var i = 0; i < n; i++) { acc += 100 / (50 - i); }
            return acc;
        }
        print(run(100));
        """, threshold: 10);

    [TestMethod]
    public void ErrorInTheScriptItself() => AssertSameError("""
        var xs = [1, 2, 3];
        var i = 0;
        while (true) { i = i + xs[i]; }
        """, threshold: 2);

    [TestMethod]
    public void TypeErrorsFromUntypedValues() => AssertSameError("""
        fn f(x: number) -> number { return x + 1; }
        fn g() -> number { return f(unwrap(Some("s"))); }
        print(g());
        """);

    [TestMethod]
    public void CallingANonFunctionAndWrongArity() => AssertSameError("""
        fn two(a: number, b: number) -> number { return a + b; }
        fn f() -> number { let h = unwrap(Some(two)); return h(1); }
        print(f());
        """);

    [TestMethod]
    public void StdlibErrorsKeepTheirDetail() => AssertSameError("""
        fn f(s: string) -> number { return sqrt(unwrap(Some(s))); }
        print(f("x"));
        """);

    [TestMethod]
    public void ErrorSpansPointAtTheFailingExpression()
    {
        const string source = "fn f(a: number[], i: number) -> number {\n    return a[i] + a[i + 1];\n}\nprint(f([1, 2], 1));\n";
        var compiled = Exec.Run(source, new JitEngine(new JitConfig { CompilationThreshold = 1 }));
        Assert.AreEqual("AT0006", compiled.Error!.Code);
        var span = compiled.Error.Span!.Value;
        Assert.AreEqual("a[i + 1]", source[span.Start..span.End]);
        CollectionAssert.AreEqual(new[] { "f", "<script>" }, compiled.Error.AtlasStack.Select(f => f.FunctionName).ToArray());
        var call = compiled.Error.AtlasStack[1].Span;
        Assert.AreEqual("f([1, 2], 1)", source[call.Start..call.End]);
    }

    [TestMethod]
    public void TheVmIsUsableAfterAnErrorInCompiledCode()
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        var program = Exec.Compile(Nested);
        var vm = new Interpreter { Out = TextWriter.Null };
        var first = Exec.Run(program, engine, vm: vm);
        Assert.AreEqual("AT0005", first.Error!.Code);
        var second = Exec.Run(program, engine, vm: vm);
        Assert.AreEqual(Exec.Describe(first.Error), Exec.Describe(second.Error), "no stale frames leak into the next run");
    }
}
