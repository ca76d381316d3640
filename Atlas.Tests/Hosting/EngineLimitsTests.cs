using System.Diagnostics;
using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Hosting;

/// <summary>
/// Each limit of an interpreting engine ends the script with its own runtime error (README decision 12) and leaves the
/// engine usable. Atlas.Jit.Tests has the same for compiled code.
/// </summary>
[TestClass]
public sealed class EngineLimitsTests
{
    private const string Recursion = "fn down(n: number) -> number { if (n == 0) { return 0; } return 1 + down(n - 1); }";

    private static AtlasEngine Engine(Action<LimitOptions>? limits = null)
    {
        var options = new AtlasOptions { Output = TextWriter.Null };
        limits?.Invoke(options.Limits);
        return new AtlasEngine(options);
    }

    private static AtlasRuntimeException Fails(AtlasEngine engine, string source, string code)
    {
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate(source));
        Assert.AreEqual(code, e.Code, e.Message);
        Assert.AreEqual(2.0, engine.Evaluate("1 + 1"), "the engine is usable afterwards");
        return e;
    }

    [TestMethod]
    public void DeepRecursionWithinTheDefaultLimitRuns()
    {
        var engine = Engine();
        engine.Evaluate(Recursion);
        Assert.AreEqual(100_000.0, engine.Evaluate("down(100000)"));
    }

    [TestMethod]
    public void AMillionDeepRecursionEndsInAT0008()
    {
        var engine = Engine();
        engine.Evaluate(Recursion);
        var e = Fails(engine, "down(1000000)", "AT0008");
        Assert.AreEqual("Stack overflow: call depth exceeded 200000", e.Message);
        Assert.AreEqual(3.0, engine.Call("down", 3));
    }

    [TestMethod]
    public void TheDepthLimitIsConfigurable()
    {
        var engine = Engine(l => l.MaxDepth = 100);
        engine.Evaluate(Recursion);
        Assert.AreEqual(50.0, engine.Evaluate("down(50)"));
        Assert.AreEqual("Stack overflow: call depth exceeded 100", Fails(engine, "down(500)", "AT0008").Message);
        Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Call("down", 500));
        engine.Options.Limits.MaxDepth = 1000;
        Assert.AreEqual(500.0, engine.Call("down", 500), "limits apply from the next run");
    }

    [TestMethod]
    public void AnInfiniteLoopTimesOut()
    {
        var engine = Engine(l => l.Timeout = TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        var e = Fails(engine, "var i = 0;\nwhile (true) { i = i + 1; }", "AT0009");
        Assert.AreEqual("Execution timed out after 0.2 s", e.Message);
        Assert.IsLessThan(5000, clock.ElapsedMilliseconds);
        Assert.IsGreaterThan(0.0, engine.GetGlobal<double>("i"), "the loop ran until the deadline");
    }

    [TestMethod]
    public void ACallFromDotNetTimesOutToo()
    {
        var engine = Engine(l => l.Timeout = TimeSpan.FromMilliseconds(100));
        engine.Evaluate("fn spin() { while (true) {} }");
        Assert.AreEqual("AT0009", Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Call("spin")).Code);
    }

    [TestMethod]
    public void ATokenCancelsAScript()
    {
        var engine = Engine();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("while (true) {}", cancellation: cancel.Token));
        Assert.AreEqual("AT0010", e.Code);
        Assert.AreEqual("Execution cancelled", e.Message);
        Assert.AreEqual(1.0, engine.Evaluate("1"), "a new script is not cancelled");
    }

    [TestMethod]
    public void TheOptionsTokenCancelsEverything()
    {
        using var cancel = new CancellationTokenSource();
        var engine = Engine(l => l.Cancellation = cancel.Token);
        Assert.AreEqual(1.0, engine.Evaluate("1"));
        cancel.Cancel();
        Assert.AreEqual("AT0010", Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("while (true) {}")).Code);
    }

    [TestMethod]
    public void InterruptStopsTheRunningScript()
    {
        var engine = Engine();
        var stopper = Task.Run(async () =>
        {
            await Task.Delay(100);
            while (!engine.Interrupt()) await Task.Delay(10);
        });
        Fails(engine, "var n = 0;\nwhile (true) { n += 1; }", "AT0010");
        stopper.Wait();
        Assert.IsFalse(engine.Interrupt(), "nothing runs now");
    }

    [TestMethod]
    [DataRow("var s = \"ab\";\nwhile (true) { s = s + s; }")]
    [DataRow("var keep = [];\nwhile (true) { keep.push(repeat(\"x\", 100000)); }")]
    [DataRow("var a = [0];\nwhile (true) { a = concat(a, a); }")]
    public void AMemoryHungryScriptEndsInAT0011(string source)
    {
        var engine = Engine(l => l.MaxMemoryMb = 64);
        Assert.AreEqual("Memory limit exceeded", Fails(engine, source, "AT0011").Message);
    }

    [TestMethod]
    public void SingleValuesAreCappedEvenWithoutABudget()
    {
        var engine = Engine();
        Fails(engine, "repeat(repeat(\"x\", 20000), 20000)", "AT0011");
    }

    [TestMethod]
    public void LimitsRefuseNonsense()
    {
        var limits = new LimitOptions();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => limits.MaxDepth = 0);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => limits.Timeout = TimeSpan.Zero);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => limits.MaxMemoryMb = 0);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new JitOptions().Threshold = 0);
    }
}
