using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Jit.Tests.Support;
using Atlas.Jit.Tiering;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>
/// Background compilation (docs/jit.md, "Background compilation"): hot code is queued and compiled on the compiler
/// thread while the program keeps running interpreted; an invalidation or redefinition while a compile is in flight
/// never lets it install stale code; failures leave the function interpreted. The engine's test hooks pause the
/// compiler thread between building and installing, so the races below happen in a fixed order. Not run in parallel
/// with other tests: the compiler thread is shared by every engine in the process, and these tests hold it up.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class BackgroundCompilationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private const string TwoFunctions = """
        fn f(x: number) -> number { return x + 1; }
        fn g(n: number) -> number { var s = 0; for (var i = 0; i < n; i++) { s = s + f(i); } return s; }
        """;

    private const string HotSquare = """
        fn sq(x: number) -> number { return x * x; }
        var total = 0;
        for (var i = 0; i < 200; i++) { total = total + sq(i); }
        print(total);
        """;

    /// <summary>Pauses the compiler thread before it installs a job for a function, until released (at the latest when disposed).</summary>
    private sealed class Pause : IDisposable
    {
        public void Dispose() => Release.Set();

        public ManualResetEventSlim Reached { get; } = new();
        public ManualResetEventSlim Release { get; } = new();
        public CompileJob? Job { get; private set; }

        public Action<CompileJob> Hook(string name) => job =>
        {
            if (job.Proto.Name != name) return;
            Job = job;
            Reached.Set();
            Release.Wait(Patience);
        };
    }

    [TestMethod]
    public void AHotFunctionIsCompiledInTheBackgroundAndTheProgramNeverWaits()
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 3 });
        var run = Exec.Run(HotSquare, engine);
        Assert.AreEqual("2646700\n", run.Output.ReplaceLineEndings("\n"));
        Assert.IsTrue(engine.WaitForBackgroundCompiles(Patience));
        var sq = Exec.Function(run.Program, "sq");
        Assert.IsNotNull(sq.Compiled, engine.Stats.Format());
        Assert.AreEqual(TierState.Interpreted, sq.Tier, "installed: its loops may be compiled later");
        var stats = engine.Stats;
        Assert.IsFalse(stats.Synchronous);
        Assert.IsGreaterThanOrEqualTo(1L, stats.FunctionsQueued);
        Assert.IsGreaterThanOrEqualTo(1L, stats.BackgroundInstalls);
        Assert.AreEqual(TimeSpan.Zero, stats.VmWaitTime, "the VM thread never waits outside synchronous mode");
        Assert.IsGreaterThan(TimeSpan.Zero, stats.QueueToInstallMax);
    }

    [TestMethod]
    public void TheProgramRunsToTheEndInterpretedWhileTheCompilerIsHeldUp()
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 3 });
        using var pause = new Pause();
        engine.BeforeInstall = pause.Hook("sq");
        var jobs = new List<CompileJob>();
        engine.OnQueued = jobs.Add;
        var run = Exec.Run(HotSquare, engine);
        Assert.AreEqual("2646700\n", run.Output.ReplaceLineEndings("\n"), "finished without the compiler");
        Assert.IsTrue(pause.Reached.Wait(Patience));
        var sq = Exec.Function(run.Program, "sq");
        Assert.IsNull(sq.Compiled, "not installed while the compiler is held up");
        Assert.AreEqual(TierState.Queued, sq.Tier, "queued once: the VM does not ask again while it is in flight");
        Assert.AreEqual(1, jobs.Count(j => j.Proto == sq), "queued once");
        pause.Release.Set();
        Assert.IsTrue(engine.WaitForBackgroundCompiles(Patience));
        Assert.IsNotNull(sq.Compiled, "installed once the compiler went on");
        Assert.AreEqual(CompileJobOutcome.Installed, pause.Job!.Outcome);
    }

    [TestMethod]
    public void AnInvalidationWhileTheCompileIsInFlightDiscardsIt()
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 3 });
        using var pause = new Pause();
        engine.BeforeInstall = pause.Hook("sq");
        var run = Exec.Run(HotSquare, engine);
        Assert.IsTrue(pause.Reached.Wait(Patience));
        var sq = Exec.Function(run.Program, "sq");
        engine.Invalidate(sq);
        Assert.AreEqual(TierState.Interpreted, sq.Tier, "a candidate again as soon as it is invalidated");
        pause.Release.Set();
        Assert.IsTrue(pause.Job!.Done.Wait(Patience));
        Assert.AreEqual(CompileJobOutcome.Stale, pause.Job.Outcome);
        Assert.IsNull(sq.Compiled, "the build predates the invalidation: not installed");
        Assert.AreEqual(TierState.Interpreted, sq.Tier);
        // The epoch is engine-wide: the script's loop entry, if it was still waiting, is discarded too.
        Assert.IsGreaterThanOrEqualTo(1L, engine.Stats.BackgroundStale);
        Assert.AreEqual(0, engine.Cache.Count - (run.Program.Script.Compiled != null ? 1 : 0), "nothing of sq in the code cache");
    }

    /// <summary>
    /// g is built while f is compiled, so its build calls f's method directly. f is redefined before g's build is
    /// installed: installing it would keep calling the old f (g(3) = 6 instead of 300).
    /// </summary>
    [TestMethod]
    public void ARedefinitionDuringACompileNeverInstallsCodeBoundToTheOldDefinition()
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null }.UseJit(new JitConfig { CompilationThreshold = 2 }));
        var jit = (JitEngine)engine.Jit!;
        var jobs = new List<CompileJob>();
        // First every compile finishes before the call that queued it goes on: f is installed deterministically.
        jit.OnQueued = job =>
        {
            jobs.Add(job);
            job.Done.Wait(Patience);
        };
        engine.Evaluate(TwoFunctions);
        Assert.AreEqual(2.0, engine.Call("f", 1.0));
        Assert.AreEqual(2.0, engine.Call("f", 1.0));
        var oldF = engine.GetGlobalValue("f").AsFunction.Proto;
        Assert.IsNotNull(oldF.Compiled, "f was compiled in the background and installed");
        jit.OnQueued = jobs.Add;
        using var pause = new Pause();
        jit.BeforeInstall = pause.Hook("g");
        Assert.AreEqual(6.0, engine.Call("g", 3.0));
        Assert.AreEqual(6.0, engine.Call("g", 3.0), "g is queued here and keeps running interpreted");
        Assert.IsTrue(pause.Reached.Wait(Patience), "g's build is done and waits to be installed");
        Assert.IsNotNull(jit.FunctionFor(oldF)!.Method, "g's build links to the old f's method");
        engine.Evaluate("fn f(x: number) -> number { return x * 100; }");
        pause.Release.Set();
        Assert.IsTrue(pause.Job!.Done.Wait(Patience));
        jit.BeforeInstall = null;
        Assert.AreEqual(300.0, engine.Call("g", 3.0), "g calls the new f (the stale build would call the old one: 6)");
        Assert.AreEqual(CompileJobOutcome.Stale, pause.Job.Outcome, jit.Stats.Format());
        var g = engine.GetGlobalValue("g").AsFunction.Proto;
        Assert.AreSame(g, pause.Job.Proto);
        for (int i = 0; i < 5; i++)
        {
            Assert.AreEqual(300.0, engine.Call("g", 3.0), $"call {i}: g calls the new f");
            Assert.IsTrue(jit.WaitForBackgroundCompiles(Patience));
        }
        Assert.IsNotNull(g.Compiled, "g was queued again and compiled against the new f");
        Assert.AreEqual(300.0, engine.Call("g", 3.0));
    }

    [TestMethod]
    public void ALoopCompiledInTheBackgroundIsEnteredAtALaterBackEdge()
    {
        const string source = """
            fn run(n: number) -> number { var acc = 0; for (var i = 0; i < n; i++) { acc += (i * i) % 7; } return acc; }
            print(run(100000));
            """;
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 100 });
        // The back-edge that queues the loop waits for its compile: the next back-edge must pick the entry up.
        engine.OnQueued = job => job.Done.Wait(Patience);
        var run = Exec.Run(source, engine);
        var interpreted = Exec.Run(source, null);
        Assert.AreEqual(interpreted.Output, run.Output);
        var stats = engine.Stats;
        Assert.AreEqual(1, stats.LoopEntriesCompiled, stats.Format());
        Assert.IsGreaterThanOrEqualTo(1L, stats.BackgroundInstalls);
    }

    /// <summary>A loop nest: <c>outer</c> iterations of an inner loop of <c>inner</c> iterations.</summary>
    private static string Nest(int outer, int inner) => $$"""
        fn run(n: number, m: number) -> number {
            var acc = 0;
            for (var i = 0; i < n; i++) { for (var j = 0; j < m; j++) { acc += (i * j) % 7; } }
            return acc;
        }
        print(run({{outer}}, {{inner}}));
        """;

    /// <summary>The loop headers of <paramref name="proto"/>, outermost first.</summary>
    private static List<int> LoopHeaders(FunctionProto proto)
    {
        var headers = new List<int>();
        for (int pc = 0; pc < proto.Code.Length; pc += OpInfo.Of((OpCode)proto.Code[pc]).Size)
            if ((OpCode)proto.Code[pc] == OpCode.Loop) headers.Add(proto.Code[pc + 1]);
        headers.Sort();
        return headers;
    }

    /// <summary>
    /// Runs <see cref="Nest"/> in the background mode at threshold 100 and waits for the compiler thread: the engine, the
    /// loop headers of <c>run</c> (outermost first) and the header of every job queued, in order. The hook does not wait for
    /// a compile: a frame that sees its loop's job finished when the hook returns stops asking for entries.
    /// </summary>
    private static (JitEngine Engine, List<int> Headers, List<int?> Queued) RunNest(int outer, int inner)
    {
        var source = Nest(outer, inner);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 100 });
        var queued = new List<int?>();
        engine.OnQueued = job =>
        {
            lock (queued) queued.Add(job.LoopHeader);
        };
        var run = Exec.Run(source, engine);
        Assert.IsTrue(engine.WaitForBackgroundCompiles(Patience));
        Assert.AreEqual(Exec.Run(source, null).Output, run.Output);
        return (engine, LoopHeaders(Exec.Function(run.Program, "run")), queued);
    }

    [TestMethod]
    public void AHotInnerLoopQueuesTheOutermostLoopsEntryFirstAndTheProgramRunsInIt()
    {
        var (engine, headers, queued) = RunNest(20000, 3);
        Assert.HasCount(2, headers);
        Assert.AreEqual(headers[0], queued[0], "the inner loop gets hot first, but the outer loop's entry is queued");
        Assert.IsGreaterThanOrEqualTo(1L, engine.Stats.BackgroundInstalls, engine.Stats.Format());
    }

    [TestMethod]
    public void AFrameStillInALongInnerLoopGetsTheInnerLoopsEntryAsWell()
    {
        // One iteration of the outer loop: the frame stays in the inner loop after the outer entry is installed.
        var (engine, headers, queued) = RunNest(1, 1_000_000);
        CollectionAssert.AreEqual(new int?[] { headers[0], headers[1] }, queued.Take(2).ToArray(), engine.Stats.Format());
        Assert.AreEqual(2, engine.Stats.LoopEntriesCompiled, engine.Stats.Format());
    }

    [TestMethod]
    public void AnExceptionOnTheCompilerThreadIsCaughtCountedAndTheFunctionStaysInterpreted()
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 3 });
        engine.BeforeInstall = job => throw new InvalidOperationException("injected");
        var run = Exec.Run(HotSquare, engine);
        Assert.AreEqual("2646700\n", run.Output.ReplaceLineEndings("\n"));
        Assert.IsTrue(engine.WaitForBackgroundCompiles(Patience));
        var sq = Exec.Function(run.Program, "sq");
        Assert.IsNull(sq.Compiled);
        Assert.AreEqual(TierState.Rejected, sq.Tier, "not tried again");
        var stats = engine.Stats;
        Assert.IsGreaterThanOrEqualTo(1L, stats.BackgroundCrashes);
        Assert.IsTrue(stats.Rejected.Any(r => r.Function == "sq" && r.Reason.Contains("injected")), stats.Format());
        Assert.AreEqual(TimeSpan.Zero, stats.VmWaitTime);
    }

    [TestMethod]
    public void ARefusedBackgroundCompileIsReportedAndTheFunctionStaysInterpreted()
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 3, DisabledOpcodes = new HashSet<OpCode> { OpCode.Mul } });
        var run = Exec.Run(HotSquare, engine);
        Assert.AreEqual("2646700\n", run.Output.ReplaceLineEndings("\n"));
        Assert.IsTrue(engine.WaitForBackgroundCompiles(Patience));
        var sq = Exec.Function(run.Program, "sq");
        Assert.IsNull(sq.Compiled);
        Assert.AreEqual(TierState.Rejected, sq.Tier);
        var stats = engine.Stats;
        Assert.IsGreaterThanOrEqualTo(1L, stats.BackgroundRefused);
        Assert.IsTrue(stats.Rejected.Any(r => r.Function == "sq" && r.Reason.Contains("Mul")), stats.Format());
    }

    [TestMethod]
    public void ThresholdOneAndTheSynchronousSwitchCompileOnTheProgramsThread()
    {
        var configs = new[] { new JitConfig { CompilationThreshold = 1 }, new JitConfig { CompilationThreshold = 3, Synchronous = true } };
        foreach (var config in configs)
        {
            var engine = new JitEngine(config);
            using var pause = new Pause();
            engine.BeforeInstall = pause.Hook("sq");
            var run = Exec.Run(HotSquare, engine);
            Assert.IsNotNull(Exec.Function(run.Program, "sq").Compiled, "installed before the program went on");
            Assert.IsFalse(pause.Reached.IsSet, "the compiler thread was not involved");
            Assert.IsTrue(engine.Stats.Synchronous);
            Assert.AreEqual(0L, engine.Stats.FunctionsQueued);
        }
    }

    [TestMethod]
    public void ManyEnginesCompilingAndRedefiningAtOnceStayCorrect()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, k =>
        {
            var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null }.UseJit(new JitConfig { CompilationThreshold = 2 }));
            engine.Evaluate(TwoFunctions);
            for (int round = 0; round < 30; round++)
            {
                double factor = round % 3 + 1;
                engine.Evaluate($"fn f(x: number) -> number {{ return x * {factor}; }}");
                for (int call = 0; call < 20; call++)
                {
                    double expected = factor * 3; // f(0) + f(1) + f(2)
                    double actual = engine.Call<double>("g", 3.0);
                    if (actual != expected) failures.Add($"engine {k} round {round} call {call}: g(3) = {actual}, expected {expected}");
                }
            }
        });
        Assert.IsEmpty(failures, string.Join("\n", failures.Take(5)));
    }
}
