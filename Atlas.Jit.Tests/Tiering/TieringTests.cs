using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>When functions are compiled, how the compiled delegate is swapped in, and how invalidation undoes it.</summary>
[TestClass]
public sealed class TieringTests
{
    private const string Counter = """
        fn sq(x: number) -> number { return x * x; }
        var total = 0;
        fn call() -> number { total = total + sq(total + 1); return total; }
        """;

    [TestMethod]
    public void AFunctionIsCompiledOnItsNthCallAndTheDelegateRunsFromThenOn()
    {
        const int n = 5;
        var program = Exec.Compile(Counter + "call();");
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = n });
        var vm = new Interpreter { Tiering = engine, Out = TextWriter.Null };
        vm.Run(program);
        var call = Exec.Function(program, "call");
        var fn = vm.Globals[program.Globals.FindByName("call")];
        for (int i = 2; i < n; i++)
        {
            vm.Invoke(fn, []);
            Assert.IsNull(call.Compiled, $"compiled after {i} calls");
        }
        Assert.AreEqual(0, engine.CompiledCallsOf(call));
        vm.Invoke(fn, []); // call n: reaches the threshold, compiled, and runs compiled
        Assert.IsNotNull(call.Compiled);
        var installed = call.Compiled;
        Assert.AreEqual(1, engine.CompiledCallsOf(call));
        var result = vm.Invoke(fn, []); // call n + 1 runs the same delegate
        Assert.AreSame(installed, call.Compiled);
        Assert.AreEqual(2, engine.CompiledCallsOf(call));

        var reference = new Interpreter { Out = TextWriter.Null };
        reference.Run(program);
        var refFn = reference.Globals[program.Globals.FindByName("call")];
        Value expected = default;
        for (int i = 2; i <= n + 1; i++) expected = reference.Invoke(refFn, []);
        Assert.AreEqual(expected.Num, result.Num);
    }

    [TestMethod]
    public void ACompiledCallerPicksUpACalleeCompiledLater()
    {
        // sq reaches the threshold only after call() was compiled: call's site must then use sq's compiled body.
        var program = Exec.Compile("""
            fn sq(x: number) -> number { return x * x; }
            fn call(k: number) -> number { var s = 0; for (var i = 0; i < k; i++) { s = s + sq(i); } return s; }
            print(call(1));
            """);
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 2 });
        var vm = new Interpreter { Tiering = engine, Out = TextWriter.Null };
        vm.Run(program);
        var call = vm.Globals[program.Globals.FindByName("call")];
        vm.Invoke(call, [Value.Number(0)]); // call compiled (second call); sq still interpreted
        var sq = Exec.Function(program, "sq");
        Assert.IsNull(sq.Compiled);
        Assert.AreEqual(1, sq.HotCount);
        Assert.AreEqual(14.0, vm.Invoke(call, [Value.Number(4)]).Num);
        Assert.IsNotNull(sq.Compiled);
        // From the call that compiled sq on, every call of sq ran compiled.
        long sqCalls = engine.CompiledCallsOf(sq);
        Assert.AreEqual(4, sqCalls, "sq(0) reached the threshold and ran compiled, then sq(1..3)");
        Assert.AreEqual(30.0, vm.Invoke(call, [Value.Number(5)]).Num);
        Assert.AreEqual(sqCalls + 5, engine.CompiledCallsOf(sq));
        Assert.AreEqual(2, sq.HotCount, "compiled-to-compiled calls bypass the VM's counter");
    }

    [TestMethod]
    public void InvalidationReturnsAFunctionToTheInterpreterUntilItIsHotAgain()
    {
        var program = Exec.Compile(Counter + "call();");
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 3 });
        var vm = new Interpreter { Tiering = engine, Out = TextWriter.Null };
        vm.Run(program);
        var fn = vm.Globals[program.Globals.FindByName("call")];
        var call = Exec.Function(program, "call");
        vm.Invoke(fn, []);
        vm.Invoke(fn, []);
        Assert.IsNotNull(call.Compiled);
        int version = engine.Cache.VersionOf(call);

        engine.Invalidate(call);
        Assert.IsNull(call.Compiled);
        Assert.AreEqual(version + 1, engine.Cache.VersionOf(call));
        Assert.IsFalse(engine.Cache.TryGet(call, out _));
        vm.Invoke(fn, []);
        vm.Invoke(fn, []);
        Assert.IsNull(call.Compiled, "counting starts again after invalidation");
        vm.Invoke(fn, []);
        Assert.IsNotNull(call.Compiled);
        Assert.AreEqual(2, engine.Stats.FunctionsCompiled - 1 /* sq */);
    }

    [TestMethod]
    public void InvalidateAllDropsEveryCompiledFunction()
    {
        var engine = new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 });
        var run = Exec.Run(Counter + "call(); call();", engine);
        Assert.IsTrue(run.Program.Functions.All(f => f.Compiled != null));
        engine.InvalidateAll();
        Assert.IsTrue(run.Program.Functions.All(f => f.Compiled == null));
        Assert.AreEqual(0, engine.Cache.Count);
    }

    [TestMethod]
    public void TheCacheEvictsTheLeastRecentlyUsedFunctionBeyondItsLimit()
    {
        var engine = new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1, CacheSizeLimit = 2 });
        var run = Exec.Run(Counter + "print(call());\nprint(call());", engine);
        Assert.AreEqual(Exec.Run(Counter + "print(call());\nprint(call());", null).Output, run.Output);
        var stats = engine.Stats;
        Assert.IsGreaterThanOrEqualTo(1, stats.CacheEvictions, stats.Format());
        Assert.AreEqual(2, engine.Cache.Count);
        Assert.AreEqual(2, run.Program.Functions.Count(f => f.Compiled != null));
    }

    [TestMethod]
    public void ACacheLimitOfZeroIsCacheFull()
    {
        var engine = new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1, CacheSizeLimit = 0 });
        var run = Exec.Run(Counter + "print(call());", engine);
        Assert.AreEqual("1\n", run.Output.ReplaceLineEndings("\n"));
        Assert.IsTrue(engine.Stats.FallbackReasons.ContainsKey(JitError.CacheFull(0).Message), engine.Stats.Format());
    }

    [TestMethod]
    public void TryCompileOfACompiledFunctionIsACacheHit()
    {
        var engine = new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 });
        var run = Exec.Run(Counter + "call();", engine);
        var call = Exec.Function(run.Program, "call");
        long hits = engine.Cache.Hits;
        var again = engine.TryCompile(call, run.Vm);
        Assert.AreSame(call.Compiled, again.Value);
        Assert.AreEqual(hits + 1, engine.Cache.Hits);
        Assert.IsGreaterThan(0.0, engine.Stats.CacheHitRate);
    }

    [TestMethod]
    public void OnCallCountsAndCompilesForHostsThatDriveTheJit()
    {
        var program = Exec.Compile(Counter + "call();");
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 2 });
        var vm = new Interpreter { Out = TextWriter.Null };
        var sq = Exec.Function(program, "sq");
        engine.OnCall(sq, vm);
        Assert.IsFalse(engine.Tracker.ShouldCompile(sq));
        Assert.IsNull(sq.Compiled);
        engine.OnCall(sq, vm);
        Assert.IsNotNull(sq.Compiled);
        Assert.IsFalse(engine.Tracker.ShouldCompile(sq), "compiled functions are not compiled again");
    }

    [TestMethod]
    public void ThresholdOneCompilesOnTheFirstCall()
    {
        var engine = new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 });
        var run = Exec.Run(Counter + "call();", engine);
        Assert.AreEqual(1, Exec.Function(run.Program, "call").HotCount);
        Assert.IsNotNull(Exec.Function(run.Program, "call").Compiled);
        Assert.IsNotNull(run.Program.Script.Compiled, "the script itself runs compiled");
    }

    [TestMethod]
    public void TheWarmUpTreeCompilesAndComputes()
    {
        var fib = Atlas.Jit.Codegen.BackendWarmUp.Compile();
        Assert.IsNotNull(fib, "no backend compiled the warm-up tree");
        Assert.AreEqual(55.0, fib(10));
        Assert.AreEqual(1.0, fib(1));
    }

    [TestMethod]
    public void TheWarmUpProgramCompilesCompletely()
    {
        var engine = JitWarmUp.WarmUpNow();
        Assert.IsNotNull(engine, "the warm-up program no longer passes the checker");
        var stats = engine.Stats;
        Assert.IsEmpty(stats.Rejected, stats.Format());
        Assert.AreEqual(2, stats.FunctionsCompiled, stats.Format());
        Assert.AreEqual(1, stats.LoopEntriesCompiled, stats.Format());
        JitWarmUp.Start();
        JitWarmUp.Start(); // once per process; harmless to ask again
    }
}
