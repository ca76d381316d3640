using Atlas.Jit.Tests.Support;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// Call results are speculated to have the kind the guessed callee's typed body returns (so <c>fib(n - 1) + fib(n - 2)</c>
/// adds unboxed doubles). When a call returns something else — the global now holds another function, or the callee
/// itself had to continue in the interpreter — the rest of the call continues in the interpreter, with the same result.
/// </summary>
[TestClass]
public sealed class DeoptimizationTests
{
    private const string Swapped = """
        fn twice(x: number) -> number { return x * 2; }
        fn weird(x: number) -> number { return unwrap(Some("w" + str(x))); }
        var op = twice;
        fn use(x: number) -> string {
            var acc = 0;
            for (var i = 0; i < 3; i++) { acc = acc + i; }
            let r = op(x);
            return "got " + str(r) + " " + str(acc);
        }
        fn mid(x: number) -> number { return op(x); }
        fn top(x: number) -> string { let m = mid(x); return "top " + str(m); }
        print(use(1));
        print(top(2));
        print(use(3));
        print(top(4));
        op = weird;
        print(use(5));
        print(top(6));
        print(mid(7));
        op = twice;
        print(use(8));
        print(top(9));
        """;

    [TestMethod]
    public void ACallThatReturnsAnotherKindContinuesInTheInterpreter()
    {
        var runs = Parity.Check(Swapped, 1, 2, 3);
        var stats = runs[0].Engines[0].Stats;
        Assert.IsGreaterThanOrEqualTo(3L, stats.FallbackReasons.GetValueOrDefault(JitEngine.DeoptimizationReason), stats.Format());
        StringAssert.Contains(runs[0].Stdout, "got w5 3\ntop w6\nw7\ngot 16 3\ntop 18\n");
    }

    [TestMethod]
    public void AnErrorAfterDeoptimizingReportsEachFrameOnce()
    {
        var source = """
            fn twice(x: number) -> number { return x * 2; }
            fn weird(x: number) -> number { return unwrap(Some("w")); }
            var op = twice;
            fn mid(x: number) -> number { return op(x) * 3; }
            fn top(x: number) -> number { return mid(x) + 1; }
            print(top(1));
            op = weird;
            print(top(2));
            """;
        Parity.Check(source, 1, 2);
        var compiled = Exec.Run(source, new JitEngine(new JitConfig { CompilationThreshold = 1 }));
        Assert.AreEqual("AT0001", compiled.Error!.Code);
        CollectionAssert.AreEqual(new[] { "mid", "top", "<script>" }, compiled.Error.AtlasStack.Select(f => f.FunctionName).ToArray());
        Assert.AreEqual(0, compiled.Vm.Depth);
    }

    [TestMethod]
    public void DeoptimizationKeepsLocalsStackAndCapturesOfTheCall()
    {
        Parity.Check("""
            fn one(x: number) -> number { return 1; }
            fn str1(x: number) -> number { return unwrap(Some("s")); }
            var f = one;
            fn outer(k: number) -> string {
                var count = k;
                var names = ["a"];
                fn bump() -> number { count = count + 1; return count; }
                let before = bump();
                let mixed = [before, f(k) + 0 * bump(), bump()];
                names.push("b");
                return str(mixed) + str(names) + str(count);
            }
            print(outer(1));
            f = str1;
            print(outer(2));
            """, 1, 2);
    }

    [TestMethod]
    public void RecursionStillReturnsUnboxedNumbersAfterAFailedSpeculation()
    {
        Parity.Check("""
            fn fib(n: number) -> number { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }
            let saved = fib;
            print(fib(15));
            fn fake(n: number) -> number { return unwrap(Some(100)); }
            print(saved(10));
            """, 1, 2);
    }

    private const string InLoop = """
        fn twice(x: number) -> number { return x * 2; }
        fn weird(x: number) -> number { return unwrap(Some("w" + str(x))); }
        var op = twice;
        fn run(n: number) -> number {
            var total = 0;
            for (var i = 0; i < n; i++) {
                if (i == 50) { op = weird; }
                let r = op(i);
                total = total + len(str(r));
            }
            return total;
        }
        print(run(100));
        """;

    [TestMethod]
    public void ALoopEntryThatDeoptimizesHandsTheCallBackToItsFrame()
    {
        var runs = Parity.Check(InLoop, 1, 2, 10);
        Assert.IsGreaterThanOrEqualTo(1L, runs[2].Engines[0].Stats.FallbackReasons.GetValueOrDefault(JitEngine.DeoptimizationReason));
        Assert.AreEqual(1, runs[2].Engines[0].Stats.LoopEntriesCompiled);
    }

    [TestMethod]
    public void AnErrorAfterALoopEntryDeoptimizedReportsTheFrameOnce()
    {
        var source = InLoop.Replace("total = total + len(str(r));", "total = total + r * 1;");
        Parity.Check(source, 1, 2, 10);
        var compiled = Exec.Run(source, new JitEngine(new JitConfig { Synchronous = true, CompilationThreshold = 10 }));
        CollectionAssert.AreEqual(new[] { "run", "<script>" }, compiled.Error!.AtlasStack.Select(f => f.FunctionName).ToArray());
    }
}
