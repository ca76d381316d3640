using System.Diagnostics;
using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Hosting;

/// <summary>
/// The limits of an embedding engine in compiled code: Atlas.Jit compiles every function on its first call, and each
/// limit still ends the script with its own error, as in the interpreter, leaving the engine usable. Not run in
/// parallel: some of these measure how quickly a compiled loop stops.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class JitEngineLimitsTests
{
    private const string Recursion = "fn down(n: number) -> number { if (n == 0) { return 0; } return 1 + down(n - 1); }";

    private static AtlasEngine Engine(Action<LimitOptions>? limits = null)
    {
        var options = new AtlasOptions { Output = TextWriter.Null, Jit = { Threshold = 1 } }.UseJit();
        limits?.Invoke(options.Limits);
        return new AtlasEngine(options);
    }

    /// <summary>
    /// Compiles and runs a small loop first, so that a measurement of how late a loop stops does not include the
    /// first compilation in the process (FastExpressionCompiler's own warm-up), which happens before the deadline
    /// would in any longer-running host.
    /// </summary>
    private static void WarmUp(AtlasEngine engine) =>
        engine.Evaluate("fn warm() -> number { var i = 0; while (i < 100) { i += 1; } return i; }\nwarm();");

    private static bool IsCompiled(AtlasEngine engine, string function) =>
        engine.GetGlobalValue(function).AsFunction.Proto.Compiled != null;

    private static AtlasRuntimeException Fails(AtlasEngine engine, Action run, string code)
    {
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(run);
        Assert.AreEqual(code, e.Code, e.Message);
        Assert.AreEqual(2.0, engine.Evaluate("1 + 1"), "the engine is usable afterwards");
        return e;
    }

    [TestMethod]
    public void TheEngineCompilesWithTheJitOfItsOptions()
    {
        var engine = Engine();
        Assert.IsInstanceOfType<JitEngine>(engine.Jit);
        engine.Evaluate(Recursion);
        Assert.AreEqual(100_000.0, engine.Evaluate("down(100000)"));
        Assert.IsTrue(IsCompiled(engine, "down"));
    }

    [TestMethod]
    public void AMillionDeepCompiledRecursionEndsInAT0008()
    {
        var engine = Engine();
        engine.Evaluate(Recursion);
        var e = Fails(engine, () => engine.Evaluate("down(1000000)"), "AT0008");
        Assert.AreEqual("Stack overflow: call depth exceeded 200000", e.Message);
        Assert.IsTrue(IsCompiled(engine, "down"));
        Assert.AreEqual(10.0, engine.Call("down", 10));
    }

    [TestMethod]
    public void TheDepthLimitIsTheSameInCompiledCode()
    {
        var engine = Engine(l => l.MaxDepth = 1000);
        engine.Evaluate(Recursion);
        Assert.AreEqual(900.0, engine.Call("down", 900));
        Assert.AreEqual("Stack overflow: call depth exceeded 1000", Fails(engine, () => engine.Call("down", 5000), "AT0008").Message);
    }

    [TestMethod]
    public void ACompiledInfiniteLoopStopsAtTheDeadline()
    {
        var timeout = TimeSpan.FromMilliseconds(300);
        var engine = Engine(l => l.Timeout = timeout);
        WarmUp(engine);
        engine.Evaluate("var spins = 0;\nfn spin() { while (true) { spins += 1; } }");
        StopsWithin100Ms(() =>
        {
            var clock = Stopwatch.StartNew();
            var e = Fails(engine, () => engine.Evaluate("spin();"), "AT0009");
            var late = clock.Elapsed - timeout;
            Assert.AreEqual("Execution timed out after 0.3 s", e.Message);
            return late;
        });
        Assert.IsTrue(IsCompiled(engine, "spin"));
        Assert.IsGreaterThan(0.0, engine.GetGlobal<double>("spins"));
    }

    [TestMethod]
    public void ATopLevelInfiniteLoopStopsAtTheDeadline()
    {
        var timeout = TimeSpan.FromMilliseconds(300);
        var engine = Engine(l => l.Timeout = timeout);
        WarmUp(engine);
        StopsWithin100Ms(() =>
        {
            var clock = Stopwatch.StartNew();
            Fails(engine, () => engine.Evaluate("var n = 0;\nwhile (true) { n += 1; }"), "AT0009");
            return clock.Elapsed - timeout;
        });
        Assert.IsGreaterThan(0.0, engine.GetGlobal<double>("n"));
    }

    [TestMethod]
    public void CancellingACompiledInfiniteLoopStopsItPromptly()
    {
        var engine = Engine();
        WarmUp(engine);
        engine.Evaluate("fn spin() -> number { var n = 0; while (true) { n += 1; } return n; }");
        StopsWithin100Ms(() => CancelledAfter300Ms(engine, "spin()").StoppedAfter);
        Assert.IsTrue(IsCompiled(engine, "spin"));
        Assert.AreEqual(3.0, engine.Evaluate("1 + 2"));
    }

    [TestMethod]
    public void CancellingACompiledRecursionWithoutLoopsStopsItPromptly()
    {
        // Only calls: the cancellation reaches compiled code through the call limit (Interpreter.CallLimit), not a back-edge.
        var engine = Engine();
        WarmUp(engine);
        engine.Evaluate("fn grow(n: number) -> number { if (n == 0) { return 1; } return grow(n - 1) + grow(n - 1); }");
        Assert.AreEqual(8.0, engine.Evaluate("grow(3)"));
        StopsWithin100Ms(() =>
        {
            var (error, stoppedAfter) = CancelledAfter300Ms(engine, "grow(60)");
            StringAssert.Contains(error.ToString(), "grow", "the Atlas call stack names the compiled frames");
            return stoppedAfter;
        });
        Assert.IsTrue(IsCompiled(engine, "grow"));
        Assert.AreEqual(1024.0, engine.Evaluate("grow(10)"), "after the cancellation, calls run unchecked again");
    }

    /// <summary>Runs <paramref name="code"/>, cancels it after 300 ms, and measures how long it ran on (it must end in AT0010).</summary>
    private static (AtlasRuntimeException Error, TimeSpan StoppedAfter) CancelledAfter300Ms(AtlasEngine engine, string code)
    {
        using var cancel = new CancellationTokenSource();
        long cancelledAt = 0;
        var canceller = Task.Run(async () =>
        {
            await Task.Delay(300);
            cancelledAt = Stopwatch.GetTimestamp();
            await cancel.CancelAsync();
        });
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate(code, cancellation: cancel.Token));
        var stoppedAfter = Stopwatch.GetElapsedTime(cancelledAt);
        canceller.Wait();
        Assert.AreEqual("AT0010", e.Code);
        return (e, stoppedAfter);
    }

    [TestMethod]
    public void TheCompiledCallLimitFollowsMaxDepthAndTheLimitsMode()
    {
        var vm = new Interpreter { Out = TextWriter.Null, MaxDepth = 5000 };
        Assert.AreEqual(5000, vm.CallLimit);
        vm.MaxDepth = 700;
        Assert.AreEqual(700, vm.CallLimit, "compiled calls compare their depth with it");
        vm.Limits = new ExecutionLimits { MaxMemoryBytes = 1L << 40 };
        vm.Run(Atlas.Jit.Tests.Support.Exec.Compile("print(1);"));
        Assert.AreEqual(700, vm.CallLimit, "a memory limit is measured on a timer's signal: calls stay one compare");
        vm.Limits = new ExecutionLimits { Fuel = 1000 };
        vm.Run(Atlas.Jit.Tests.Support.Exec.Compile("print(1);"));
        Assert.AreEqual(int.MinValue, vm.CallLimit, "with fuel counted, every compiled call takes the checked path");
    }

    /// <summary>
    /// How late a loop stops, measured up to three times: on a loaded machine (the other test assembly runs at the same
    /// time) the script's thread is sometimes descheduled or paused by a collection for longer than the bound, which
    /// is sporadic, while a stop that is slow by construction is late every time. Each attempt must still stop.
    /// </summary>
    private static void StopsWithin100Ms(Func<TimeSpan> attempt)
    {
        var lateness = new List<double>();
        for (int i = 0; i < 3; i++)
        {
            double ms = attempt().TotalMilliseconds;
            Assert.IsLessThan(2000, ms, "the loop stopped, but far too late");
            if (ms < 100) return;
            lateness.Add(ms);
        }
        Assert.Fail($"stopped {string.Join(", ", lateness.Select(ms => ms.ToString("F0")))} ms late");
    }

    [TestMethod]
    public void InterruptStopsACompiledCall()
    {
        var engine = Engine();
        engine.Evaluate("fn spin() { while (true) {} }");
        var stopper = Task.Run(async () =>
        {
            await Task.Delay(200);
            while (!engine.Interrupt()) await Task.Delay(10);
        });
        Fails(engine, () => engine.Call("spin"), "AT0010");
        stopper.Wait();
        Assert.IsTrue(IsCompiled(engine, "spin"));
    }

    [TestMethod]
    [DataRow("fn grow() -> string { var s = \"ab\"; while (true) { s = s + s; } return s; }")]
    [DataRow("fn grow() -> number { var keep: string[] = []; while (true) { keep.push(repeat(\"x\", 100000)); } return len(keep); }")]
    public void ACompiledMemoryHogEndsInAT0011(string function)
    {
        var engine = Engine(l => l.MaxMemoryMb = 64);
        engine.Evaluate(function);
        Assert.AreEqual("Memory limit exceeded", Fails(engine, () => engine.Evaluate("grow();"), "AT0011").Message);
        Assert.IsTrue(IsCompiled(engine, "grow"));
    }
}
