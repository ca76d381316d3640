using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>
/// The start-up warm-up of <c>atlas run</c> (docs/jit.md, "Start-up warm-up"): the function it compiles goes through the
/// real path, a failing warm-up is counted and changes nothing. Not in parallel: the failure test sets a process-wide hook.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class WarmUpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [TestMethod]
    public void TheWarmUpFunctionIsFibonacciAndCompilesCompletely()
    {
        var (proto, globals) = WarmUpFunction.Create();
        var vm = new Interpreter { Out = TextWriter.Null, Globals = globals };
        Assert.AreEqual(55.0, vm.Invoke(globals[0], [Value.Number(10)]).AsNumber, "interpreted");

        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1, CountCalls = true });
        var compiled = engine.TryCompile(proto, vm);
        Assert.IsTrue(compiled.IsSuccess, engine.Stats.Format());
        proto.Compiled = compiled.Value;
        Assert.AreEqual(55.0, vm.Invoke(globals[0], [Value.Number(10)]).AsNumber, "compiled");
        var stats = engine.Stats;
        Assert.IsGreaterThan(0L, stats.CompiledCalls, "the compiled code ran");
        Assert.AreEqual(1, stats.FastCompiles, "compiled by FastExpressionCompiler (into a dynamic method), as a first hot function is");
        Assert.IsEmpty(stats.Rejected, stats.Format());
    }

    [TestMethod]
    public void TheFirstCompileWarmUpCompilesItsFunction() => Assert.IsTrue(JitWarmUp.WarmUpFirstCompile());

    [TestMethod]
    public void AWarmUpThatIsNotWantedCompilesNothing()
    {
        Assert.IsFalse(Queue(() => false), "not wanted, yet it compiled");
        Assert.IsTrue(Queue(() => true));
    }

    [TestMethod]
    public void AnExceptionInTheWarmUpIsCaughtAndCounted()
    {
        long failures = JitWarmUp.Failures;
        long escaped = CompilerThread.Escaped;
        JitWarmUp.BeforeWarmUp = () => throw new InvalidOperationException("warm-up failure for the test");
        try
        {
            Assert.IsFalse(Queue(() => true));
        }
        finally
        {
            JitWarmUp.BeforeWarmUp = null;
        }
        Assert.AreEqual(failures + 1, JitWarmUp.Failures);
        Assert.AreEqual(escaped, CompilerThread.Escaped, "the warm-up catches its own exception");
        Assert.IsTrue(Queue(() => true), "the compiler thread still works");
    }

    [TestMethod]
    public void AnExceptionDecidingWhetherToWarmUpIsCaughtAndCounted()
    {
        long failures = JitWarmUp.Failures;
        Assert.IsFalse(Queue(() => throw new IOException("unreadable for the test")));
        Assert.AreEqual(failures + 1, JitWarmUp.Failures);
    }

    /// <summary>Queues a first-compile warm-up and waits for it: whether it compiled.</summary>
    private static bool Queue(Func<bool> wanted)
    {
        using var done = new ManualResetEventSlim();
        bool compiled = false;
        JitWarmUp.QueueFirstCompile(wanted, c =>
        {
            compiled = c;
            done.Set();
        });
        Assert.IsTrue(done.Wait(Patience), "the warm-up did not finish");
        return compiled;
    }
}
