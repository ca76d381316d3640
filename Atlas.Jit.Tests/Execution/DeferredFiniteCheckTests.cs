using Atlas.Jit.Tests.Support;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// Deferred finiteness checks (docs/jit.md, "Deferred finiteness checks"): compiled code tests a pure run's <c>+ - *</c>
/// results once, at the run's end, yet AT0007 comes from the very operator that produced ±∞ or NaN — same message, span
/// and call stack as the interpreter — wherever in the run it happens, also when the run is cut short by a deoptimizing
/// element read, falls into a jump target, or a later operator turns the ∞ into NaN.
/// </summary>
[TestClass]
public sealed class DeferredFiniteCheckTests
{
    private static void AssertSameError(string source, int threshold = 1)
    {
        var interpreted = Exec.Run(source, null);
        Assert.IsNotNull(interpreted.Error, "the program should fail");
        Assert.AreEqual("AT0007", interpreted.Error.Code, interpreted.Error.Message);
        // Number parameters held as doubles, as well as speculated whole: a whole-number speculation refuses a call with
        // 1e200 and runs it interpreted, which would not exercise the compiled run at all.
        foreach (bool deferred in (bool[])[true, false])
        foreach (bool whole in (bool[])[false, true])
        {
            var engine = new JitEngine(new JitConfig
            {
                Synchronous = true, CompilationThreshold = threshold, DeferFiniteChecks = deferred, WholeNumberParameters = whole,
            });
            var compiled = Exec.Run(source, engine);
            Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error), $"deferred: {deferred}, whole: {whole}");
            Assert.AreEqual(interpreted.Output, compiled.Output);
            Assert.AreEqual(0, compiled.Vm.Depth);
        }
    }

    /// <summary>
    /// A statement that is one run of five operators (<c>a * b</c>, <c>c * a</c>, <c>+</c>, <c>b * c</c>, <c>-</c>), called
    /// with finite results first and then with arguments that make operator <c>k</c> the first to overflow.
    /// </summary>
    private static string Chain(string a, string b, string c) => $$"""
        fn f(a: number, b: number, c: number) -> number {
            let t = a * b + c * a - b * c;
            return t;
        }
        fn g(a: number, b: number, c: number) -> number {
            var s = 0;
            for (var i = 0; i < 3; i++) { s += f(1.5, 2, 3); }
            return s + f(a, b, c);
        }
        print(g(1, 1, 1));
        print(g({{a}}, {{b}}, {{c}}));
        """;

    [TestMethod]
    [DataRow("1e200", "1e200", "1", DisplayName = "a * b")]
    [DataRow("1e200", "1", "1e200", DisplayName = "c * a")]
    [DataRow("1", "1.7e308", "1.7e308", DisplayName = "+")]
    [DataRow("1", "1e200", "1e200", DisplayName = "b * c")]
    [DataRow("1", "1.5e308", "-0.667", DisplayName = "-")]
    public void TheOperatorThatOverflowsReportsItAtEveryPositionOfTheRun(string a, string b, string c)
    {
        foreach (int threshold in (int[])[1, 2, 3])
            AssertSameError(Chain(a, b, c), threshold);
    }

    [TestMethod]
    public void AnInfinityTurnedIntoNaNLaterInTheRunIsStillReportedWhereItAppeared() => AssertSameError("""
        fn f(x: number) -> number { return x * x * 0 + 1; }
        print(f(2));
        print(f(1e200));
        """);

    [TestMethod]
    public void InfinityMinusInfinityInOneRun() => AssertSameError("""
        fn f(x: number) -> number { return x * x - x * x; }
        print(f(3));
        print(f(1e300));
        """);

    [TestMethod]
    public void AnElementReadThatLeavesForTheInterpreterTestsTheRunFirst() => AssertSameError("""
        fn f(n: number) -> number {
            var xs = [1, 2];
            var s = 0;
            var big = 1;
            for (var i = 0; i < n; i++) {
                s = s + big * 1e150 + xs[i];
                big = big * 1e100;
            }
            return s;
        }
        print(f(2));
        print(f(3));
        """);

    [TestMethod]
    public void AnElementReadPastTheEndAfterAFiniteRunStillReportsTheIndex()
    {
        const string source = """
            fn f(xs: number[]) -> number {
                var s = 0;
                for (var i = 0; i < 5; i++) { s = s * 2 + xs[i]; }
                return s;
            }
            print(f([1, 2, 3, 4, 5]));
            print(f([1, 2, 3]));
            """;
        var interpreted = Exec.Run(source, null);
        var compiled = Exec.Run(source, new JitEngine(new JitConfig { Synchronous = true, CompilationThreshold = 1 }));
        Assert.IsNotNull(interpreted.Error);
        Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error));
        Assert.AreEqual(interpreted.Output, compiled.Output);
    }

    [TestMethod]
    public void ARunInALoopConditionAndInTheLoopEntry() => AssertSameError("""
        fn run(limit: number) -> number {
            var z = 1.5;
            var n = 0;
            while (z * z - 1 <= limit) { z = z * z; n++; }
            return n;
        }
        print(run(100));
        print(run(1e300));
        """, threshold: 3);

    [TestMethod]
    public void NegationCarriesAnUntestedValue() => AssertSameError("""
        fn f(x: number) -> number { let y = -(x * x) + 1; return y; }
        print(f(4));
        print(f(1e250));
        """);

    [TestMethod]
    public void ValuesStayExactlyTheSameWithTheTestDeferred()
    {
        const string source = """
            fn run(n: number) -> number {
                var zr = 0.1;
                var zi = 0.2;
                var acc = 0;
                for (var i = 0; i < n; i++) {
                    let t = zr * zr - zi * zi + 0.25;
                    zi = 2 * zr * zi - 0.5;
                    zr = t;
                    acc = acc + zr * 1000000 - zi;
                }
                return acc;
            }
            print(run(5000));
            """;
        var interpreted = Exec.Run(source, null);
        foreach (bool deferred in (bool[])[true, false])
        {
            var config = new JitConfig { Synchronous = true, CompilationThreshold = 1, DeferFiniteChecks = deferred };
            var compiled = Exec.Run(source, new JitEngine(config));
            Assert.IsNull(compiled.Error);
            Assert.AreEqual(interpreted.Output, compiled.Output);
        }
    }

    [TestMethod]
    public void TheCompiledTreeTestsOncePerRun()
    {
        var program = Exec.Compile("fn f(a: number, b: number, c: number) -> number { return a * b + c * a - b * c; }");
        string Tree(bool deferred) => new JitEngine(new JitConfig { DeferFiniteChecks = deferred, WholeNumberParameters = false })
            .DescribeTree(Exec.Function(program, "f"), program.Globals);
        var deferred = Tree(true);
        var eager = Tree(false);
        Assert.AreEqual(1, Count(deferred, "double.IsFinite"), deferred);
        Assert.AreEqual(0, Count(deferred, "MulNumbers") + Count(deferred, "AddNumbers") + Count(deferred, "SubNumbers"), deferred);
        Assert.AreEqual(5, Count(eager, "MulNumbers") + Count(eager, "AddNumbers") + Count(eager, "SubNumbers"), eager);
    }

    /// <summary>
    /// Element reads inside a run (a run may start with the array local itself) test their failure with the run's results:
    /// an index past the end, before the start or not whole, in any position of the run, also where the run goes on to
    /// multiply the missing element by 0, reports the read's own error (AT0006, AT0103) at the read, as the interpreter does.
    /// </summary>
    [TestMethod]
    [DataRow("let d = xs[j];", DisplayName = "a run of one read")]
    [DataRow("let d = xs[i] - xs[j];", DisplayName = "second read of a run that starts with the array")]
    [DataRow("let d = xs[j] * 0 + xs[i];", DisplayName = "a missing element times 0")]
    [DataRow("let d = 2 * xs[i] + xs[j] * xs[i];", DisplayName = "read in the middle")]
    [DataRow("xs[i] = xs[j] * 2 + 1; let d = xs[i];", DisplayName = "a read feeding a store")]
    public void AnElementReadThatFailsInsideARunReportsItsOwnError(string statement)
    {
        foreach (string bad in (string[])["7", "-1", "1.5"])
        {
            var source = $$"""
                fn f(i: number, j: number) -> number {
                    var xs = [1.5, 2, 4];
                    var s = 0;
                    for (var k = 0; k < 3; k++) {
                        {{statement}}
                        s = s + d;
                    }
                    return s;
                }
                print(f(0, 2));
                print(f(1, {{bad}}));
                """;
            var interpreted = Exec.Run(source, null);
            Assert.IsNotNull(interpreted.Error, bad);
            foreach (int threshold in (int[])[1, 2])
            {
                var compiled = Exec.Run(source, new JitEngine(new JitConfig { Synchronous = true, CompilationThreshold = threshold }));
                Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error), $"{bad} at threshold {threshold}");
                Assert.AreEqual(interpreted.Output, compiled.Output);
            }
        }
    }

    [TestMethod]
    public void ReadsInARunAreTestedOnceWithItsResult()
    {
        var program = Exec.Compile("fn f(i: number, j: number) -> number { var xs = [1.5, 2]; let d = xs[i] - xs[j]; return d; }");
        var tree = new JitEngine(new JitConfig { WholeNumberParameters = true })
            .DescribeTree(Exec.Function(program, "f"), program.Globals);
        Assert.AreEqual(2, Count(tree, "ReadNumberOrNaN("), tree);
        Assert.AreEqual(1, Count(tree, "double.IsFinite"), "one test for both reads and the difference: " + tree);
    }

    private static int Count(string text, string word)
    {
        int n = 0;
        for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
