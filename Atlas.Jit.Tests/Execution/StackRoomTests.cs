using Atlas.Hosting;
using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// The depth-only check of calls to small frames (<see cref="Interpreter.CheckSmallFrameCall"/>) compares against
/// <see cref="Interpreter.SmallFrameCallLimit"/>: the call limit lowered to the stack room the host promises, nothing by
/// default. Only engines whose hosts run VMs on the script threads compile it.
/// </summary>
[TestClass]
public sealed class StackRoomTests
{
    [TestMethod]
    public void TheSmallFrameLimitIsTheCallLimitLoweredToTheRoom()
    {
        var vm = new Interpreter();
        Assert.AreEqual(0, vm.SmallFrameCallLimit, "no room promised: every such call takes the slow path");
        vm.StackRoomDepth = 1000;
        vm.MaxDepth = 500;
        Assert.AreEqual(500, vm.SmallFrameCallLimit);
        vm.MaxDepth = 5000;
        Assert.AreEqual(1000, vm.SmallFrameCallLimit);
        vm.StackRoomDepth = -3;
        Assert.AreEqual(0, vm.SmallFrameCallLimit);
    }

    [TestMethod]
    public void AScriptThreadHasRoomForTheDefaultDepthAndASmallStackNone()
    {
        Assert.IsGreaterThanOrEqualTo(Interpreter.DefaultMaxDepth, Interpreter.StackRoomFor(ScriptSession.ScriptThreadStackBytes));
        Assert.AreEqual(0, Interpreter.StackRoomFor(8 * 1024 * 1024), "a main thread's 8 MiB is within the reserve");
    }

    [TestMethod]
    public void OnlyEnginesForTheScriptThreadsCompileTheDepthOnlyCheck()
    {
        var program = Exec.Compile("""
            fn fib(n: number) -> number {
                if (n < 2) { return n; }
                return fib(n - 1) + fib(n - 2);
            }
            print(fib(10));
            """);
        var fib = Exec.Function(program, "fib");
        var script = program.Functions.Single(p => p.IsScript);
        // The script first: the engine learns the top-level functions from it, and fib's self-calls go direct.
        string Describe(JitEngine engine)
        {
            engine.DescribeTree(script, program.Globals);
            return engine.DescribeTree(fib, program.Globals);
        }
        var plain = Describe(new JitEngine());
        var scripts = Describe(new JitEngine(new JitConfig { DepthOnlySmallFrameCalls = true }));
        StringAssert.Contains(plain, "CheckCompiledCall");
        Assert.DoesNotContain("CheckSmallFrameCall", plain);
        StringAssert.Contains(scripts, "CheckSmallFrameCall");
        Assert.DoesNotContain("CheckCompiledCall", scripts);
    }

    [TestMethod]
    public void AtlasEngineRunsCompiledRecursionToItsLimit()
    {
        var options = new AtlasOptions();
        Atlas.Jit.Hosting.JitHosting.UseJit(options, new JitConfig { CompilationThreshold = 1 });
        var engine = new AtlasEngine(options);
        engine.Evaluate("""
            fn sum(n: number) -> number {
                if (n == 0) { return 0; }
                return n + sum(n - 1);
            }
            """);
        Assert.AreEqual(11250075000.0, engine.Call("sum", 150000.0));
        var error = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Call("sum", 250000.0));
        StringAssert.Contains(error.Message, "call depth exceeded 200000");
    }
}
