using Atlas.Jit.Tests.Support;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// Compiled code recurses on the .NET stack: it must obey the VM's call-depth limit with the interpreter's AT0008
/// error, never overflow the process stack, and unwind a 200,000-frame error in reasonable time.
/// </summary>
[TestClass]
public sealed class DeepRecursionTests
{
    private const string Sum = """
        fn sum(n: number) -> number {
            if (n == 0) { return 0; }
            return n + sum(n - 1);
        }
        """;

    [TestMethod]
    public void HundredThousandDeepWorksCompiled()
    {
        var engine = new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 });
        var run = Exec.Run(Sum + "print(sum(100000));", engine);
        Assert.IsNull(run.Error, Exec.Describe(run.Error));
        Assert.AreEqual("5000050000\n", run.Output.ReplaceLineEndings("\n"));
        Assert.IsGreaterThanOrEqualTo(100000L, engine.Stats.CompiledCalls);
    }

    [TestMethod]
    public void AMillionDeepIsAT0008NotACrash()
    {
        var source = Sum + "print(sum(1000000));";
        var interpreted = Exec.Run(source, null);
        var compiled = Exec.Run(source, new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 }));
        Assert.AreEqual("AT0008", compiled.Error!.Code);
        Assert.AreEqual("Stack overflow: call depth exceeded 200000", compiled.Error.Message);
        Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error));
        Assert.AreEqual(200000, compiled.Error.AtlasStack.Count, "every active call: the script and 199,999 calls of sum");
        Assert.AreEqual(0, compiled.Vm.Depth);
    }

    /// <summary>
    /// Calls to small frames that test only the depth (<see cref="JitConfig.DepthOnlySmallFrameCalls"/>) stop at the same
    /// depth with the same error, whether the VM promises stack room (the script thread's, as the command line's does) or
    /// none (every such call then takes the slow path, which tests the headroom).
    /// </summary>
    [TestMethod]
    public void DepthOnlyCallsStopAtTheLimitWithOrWithoutStackRoom()
    {
        const string source = Sum + "print(sum(100000));\nprint(sum(1000000));";
        var interpreted = Exec.Run(source, null);
        foreach (int room in new[] { 0, Atlas.Vm.Interpreter.StackRoomFor(1024 * 1024 * 1024) })
        {
            // A program of its own each time: prototypes keep the code an engine installed in them.
            var program = Exec.Compile(source);
            var engine = new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1, DepthOnlySmallFrameCalls = true });
            var compiled = Exec.Run(program, engine, vm: new Atlas.Vm.Interpreter { StackRoomDepth = room });
            Assert.AreEqual("5000050000\n", compiled.Output.ReplaceLineEndings("\n"), $"room {room}");
            Assert.AreEqual("Stack overflow: call depth exceeded 200000", compiled.Error!.Message);
            Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error));
            Assert.IsGreaterThanOrEqualTo(250000L, engine.Stats.CompiledCalls, $"the recursion ran compiled (room {room})");
        }
    }

    [TestMethod]
    public void TheLimitIsTheVmsMaxDepth()
    {
        var compiled = Exec.Run(Sum + "print(sum(600));", new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 }),
            maxDepth: 500);
        Assert.AreEqual("Stack overflow: call depth exceeded 500", compiled.Error!.Message);
        var ok = Exec.Run(Sum + "print(sum(400));", new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 }),
            maxDepth: 500);
        Assert.IsNull(ok.Error);
    }

    [TestMethod]
    public void DeepRecursionThroughClosuresAndTierSwitches()
    {
        // Recursion through a nested function (late-bound global alias) and through a function value passed around:
        // the call sites cannot all go direct, and at threshold 50 the first frames are interpreted.
        const string source = """
            fn outer(n: number) -> number {
                fn down(k: number, f: (number) -> number) -> number {
                    if (k == 0) { return 0; }
                    return f(k) + down(k - 1, f);
                }
                fn one(x: number) -> number { return x - x + 1; }
                return down(n, one);
            }
            print(outer(60000));
            print(outer(300000));
            """;
        var interpreted = Exec.Run(source, null);
        var compiled = Exec.Run(source, new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 50 }));
        Assert.AreEqual("60000\n", compiled.Output.ReplaceLineEndings("\n"));
        Assert.AreEqual("AT0008", compiled.Error!.Code);
        Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error));
    }

    [TestMethod]
    public void MutualRecursion()
    {
        const string source = """
            fn even(n: number) -> bool { if (n == 0) { return true; } return odd(n - 1); }
            fn odd(n: number) -> bool { if (n == 0) { return false; } return even(n - 1); }
            print(even(100000));
            print(odd(7));
            """;
        Parity.Check(source);
    }

    [TestMethod]
    public void ACallbackBelowCompiledRecursionCountsEveryCompiledFrame()
    {
        // Compiled frames keep their depth in a parameter and hand it to the VM's Depth: map's callback must start counting
        // at the compiled frame's depth, so the limit is reached at the same total depth in both tiers.
        const string source = """
            fn inner(n: number) -> number { if (n == 0) { return 0; } return 1 + inner(n - 1); }
            fn cb(x: number) -> number { return inner(x); }
            fn down(n: number, m: number) -> number { if (n == 0) { return map([m], cb)[0]; } return down(n - 1, m) + 0; }
            """;
        int firstFailure = -1;
        for (int m = 180; m < 210; m++)
        {
            var program = source + $"print(down(200, {m}));";
            var interpreted = Exec.Run(program, null, maxDepth: 400);
            var compiled = Exec.Run(program, new JitEngine(new JitConfig { CompilationThreshold = 1 }), maxDepth: 400);
            Assert.AreEqual(Exec.Describe(interpreted.Error), Exec.Describe(compiled.Error), $"m = {m}");
            Assert.AreEqual(interpreted.Output, compiled.Output, $"m = {m}");
            if (interpreted.Error != null && firstFailure < 0) firstFailure = m;
        }
        Assert.IsGreaterThan(180, firstFailure, "the range covers the limit: the first values fit");
    }
}
