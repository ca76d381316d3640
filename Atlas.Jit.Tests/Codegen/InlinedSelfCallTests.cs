using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// Self-call inlining (docs/jit.md, "Inlined self-calls"): a small recursive function runs copies of its body at its first
/// self-call sites, and nothing observable changes — values, errors with their Atlas call stacks, the depth limit, and
/// the deoptimization of a copy.
/// </summary>
[TestClass]
public sealed class InlinedSelfCallTests
{
    private const string Fib = """
        fn fib(n: number) -> number {
            if (n < 2) { return n; }
            return fib(n - 1) + fib(n - 2);
        }
        """;

    private static JitEngine Jit(bool inline = true) =>
        new(new JitConfig { Synchronous = true, CompilationThreshold = 1, CountCalls = true, InlineSelfCalls = inline });

    private static string Tree(string source, string function, bool inline = true)
    {
        var program = Pipeline.Compile(source).Program!;
        var engine = Jit(inline);
        engine.DescribeTree(program.Functions.Single(p => p.IsScript), program.Globals);
        return engine.DescribeTree(Exec.Function(program, function), program.Globals);
    }

    [TestMethod]
    public void FibCopiesItsBodyIntoTwoCallSites()
    {
        var tree = Tree(Fib + "print(fib(3));", "fib");
        Assert.Contains("inlinedPc = 0;", tree);
        Assert.Contains("inlinedPc_1 = 0;", tree);
        Assert.DoesNotContain("inlinedPc_2", tree);
        Assert.DoesNotContain("inlinedPc", Tree(Fib + "print(fib(3));", "fib", inline: false));
    }

    [TestMethod]
    public void AFunctionWithALoopIsNotCopied()
    {
        const string source = """
            fn f(n: number) -> number {
                var s = 0;
                for (var i = 0; i < n; i++) { s += i; }
                if (n > 0) { return s + f(n - 1); }
                return s;
            }
            print(f(3));
            """;
        Assert.DoesNotContain("inlinedPc", Tree(source, "f"));
    }

    [TestMethod]
    public void ValuesAndCallCountsMatchTheInterpreter()
    {
        var source = Fib + "print(fib(20));";
        var interpreted = Exec.Run(source, null);
        var engine = Jit();
        var compiled = Exec.Run(source, engine);
        Assert.IsNull(compiled.Error, Exec.Describe(compiled.Error));
        Assert.AreEqual("6765\n", compiled.Output.ReplaceLineEndings("\n"));
        Assert.AreEqual(interpreted.Output, compiled.Output);
        // fib(20) is 21,891 calls; the copies count their runs as calls too.
        Assert.AreEqual(21891L, engine.Stats.CallsByFunction.Single(c => c.Function == "fib").Calls);
    }

    /// <summary>The error is raised at every depth parity, so it happens in the method's own body and in each copy.</summary>
    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(7)]
    public void AnErrorInACopyHasEveryFrameOnTheAtlasStack(int depth)
    {
        var source = $$"""
            fn down(n: number, k: number) -> number {
                if (n == 0) { return 10 / (k - k); }
                if (k > 0) { return down(n - 1, k) + 1; }
                return down(n - 1, k) + down(n - 1, k + 1);
            }
            print(down({{depth}}, 1));
            """;
        var interpreted = Exec.Run(source, null);
        var compiled = Exec.Run(source, Jit());
        Assert.IsNotNull(interpreted.Error);
        Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error));
        Assert.AreEqual(depth + 2, compiled.Error!.AtlasStack.Count, "the script and every call of down");
        Assert.AreEqual(0, compiled.Vm.Depth);
    }

    [TestMethod]
    [DataRow(300)]
    [DataRow(301)]
    [DataRow(302)]
    public void TheDepthLimitIsReachedAtTheSameCall(int maxDepth)
    {
        var source = Fib.Replace("n < 2", "n < -1000000") + "print(fib(5));";
        var interpreted = Exec.Run(source, null, maxDepth);
        var compiled = Exec.Run(source, Jit(), maxDepth);
        Assert.AreEqual("AT0008", compiled.Error!.Code);
        Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error));
        Assert.AreEqual(maxDepth, compiled.Error.AtlasStack.Count);
    }

    /// <summary>Sums beyond 2^53 leave whole-number code: in a copy, the rest of that call runs interpreted.</summary>
    [TestMethod]
    public void ACopyThatDeoptimizesGivesTheInterpretersValue()
    {
        const string source = """
            fn grow(n: number) -> number {
                if (n < 1) { return 4503599627370495; }
                return grow(n - 1) + grow(n - 1) + n;
            }
            print(grow(1));
            print(grow(6));
            print(grow(1));
            """;
        var interpreted = Exec.Run(source, null);
        var compiled = Exec.Run(source, Jit());
        Assert.IsNull(compiled.Error, Exec.Describe(compiled.Error));
        Assert.AreEqual(interpreted.Output, compiled.Output);
    }

    /// <summary>
    /// Fuel counts calls and back-edges, copies included, so both tiers run out at the same instruction (one unit of fuel
    /// is a budget interval, a few hundred lines of this program).
    /// </summary>
    [TestMethod]
    [DataRow(2L)]
    [DataRow(3L)]
    [DataRow(7L)]
    public void FuelRunsOutAtTheSameCall(long fuel)
    {
        var program = Exec.Compile(Fib + "var i = 0;\nwhile (true) { print(fib(i % 12)); i = i + 1; }");
        Exec.Result Run(ITieringHook? tiering) =>
            Exec.Run(program, tiering, vm: new Interpreter { Limits = new ExecutionLimits { Fuel = fuel } });
        var interpreted = Run(null);
        var compiled = Run(Jit());
        Assert.AreEqual(RuntimeErrorKind.Cancelled, compiled.Error!.Kind);
        Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error));
        Assert.AreEqual(interpreted.Output, compiled.Output);
        Assert.Contains("89\n", compiled.Output, "fib(11) ran before the fuel ran out");
    }

    [TestMethod]
    public void ARedefinedFunctionIsCalledInsteadOfTheCopy()
    {
        var engine = new AtlasEngine(new AtlasOptions().UseJit(new JitConfig { Synchronous = true, CompilationThreshold = 1 }));
        engine.Evaluate(Fib + "fn twice(n: number) -> number { return fib(n) * 2; }");
        Assert.AreEqual(110.0, engine.Evaluate("twice(10)"));
        engine.Evaluate("fn fib(n: number) -> number { if (n < 1) { return 1; } return fib(n - 1) * 3; }");
        Assert.AreEqual(2.0 * 59049, engine.Evaluate("twice(10)"));
    }
}
