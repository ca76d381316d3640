using Atlas.Jit.Codegen;
using Atlas.Jit.Tests.Support;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>
/// Whole-number speculation on parameters and results (docs/jit.md, "Call protocol"): a <c>number</c> parameter is
/// taken as a <c>long</c> while every store into it is whole; entries refuse a number with a fraction (the call runs
/// interpreted), and a function whose calls keep being refused is compiled again with double parameters.
/// </summary>
[TestClass]
public sealed class WholeNumberParameterTests
{
    private const string Fib = """
        fn fib(n: number) -> number { if (n < 2) { return n; } return fib(n - 1) + fib(n - 2); }
        print(fib(20));
        """;

    [TestMethod]
    public void FibTakesAndReturnsALong()
    {
        var program = Exec.Compile(Fib);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        Assert.AreEqual("6765\n", Exec.Run(program, engine).Output.ReplaceLineEndings("\n"));
        var fib = engine.FunctionFor(Exec.Function(program, "fib"))!;
        CollectionAssert.AreEqual(new[] { Repr.Long }, fib.ParamReprs);
        Assert.AreEqual(Repr.Long, fib.ReturnRepr);
    }

    [TestMethod]
    public void WithoutTheSpeculationParametersAreDoubles()
    {
        var program = Exec.Compile(Fib);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1, WholeNumberParameters = false });
        Assert.AreEqual("6765\n", Exec.Run(program, engine).Output.ReplaceLineEndings("\n"));
        var fib = engine.FunctionFor(Exec.Function(program, "fib"))!;
        CollectionAssert.AreEqual(new[] { Repr.Double }, fib.ParamReprs);
        Assert.AreEqual(Repr.Double, fib.ReturnRepr, "fib returns n, a double");
    }

    [TestMethod]
    public void NumbersWithAFractionRunInterpretedUntilTheFunctionIsRespecialized()
    {
        const string source = """
            fn half(x: number) -> number { return x * 2 - x; }
            var s = 0;
            for (var i = 0; i < 40; i++) { s = s + half(i) + half(i + 0.5); }
            print(s);
            print(half(-0));
            """;
        foreach (var outcome in Parity.Check(source, 1, 2, 5))
        {
            Assert.AreEqual("1580\n0\n", outcome.Stdout);
            Assert.AreEqual(1, outcome.Engines[0].Stats.Respecializations, "half's calls were refused 16 times: compiled again");
        }
        var program = Exec.Compile(source);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        Exec.Run(program, engine);
        var half = Exec.Function(program, "half");
        CollectionAssert.AreEqual(new[] { Repr.Double }, engine.FunctionFor(half)!.ParamReprs);
        Assert.IsNotNull(half.Compiled, "compiled again, with a double parameter");
    }

    [TestMethod]
    public void ALongResultThatLeavesTheRangeComesBackThroughTheReturnChannel()
    {
        // sq's product passes 2^53 (94906266² > 2^53) for the last two calls: sq deoptimizes and returns a double; its caller then
        // deoptimizes with it as the call's result.
        const string source = """
            fn sq(n: number) -> number { return n * n; }
            fn sum(k: number) -> number { var s = 0; for (var i = 0; i < k; i++) { s = s + sq(94906265 + i); } return s; }
            print(sum(1));
            print(sum(3));
            print(sq(3) + sq(-0));
            """;
        foreach (var outcome in Parity.Check(source, 1, 2, 3))
            Assert.AreEqual("9007199136250225\n27021597978188268\n9\n", outcome.Stdout);
    }

    [TestMethod]
    public void ErrorsInsideAWholeNumberBodyKeepTheirLocationAndCallStack()
    {
        const string source = """
            fn down(n: number) -> number { if (n == 0) { return 1 / n; } return down(n - 1) + 1; }
            print(down(3));
            """;
        foreach (var outcome in Parity.Check(source, 1, 2))
            StringAssert.Contains(outcome.Stderr, "AT0005");
    }
}
