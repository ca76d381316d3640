using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Execution;

/// <summary>
/// The VM's side of on-stack replacement (<see cref="ITieringHook.OnHotLoop"/>, <see cref="HotLoopAnswer"/>): a frame
/// asks again after "later" whatever the prototype's tier state says by then, and stops asking after "never".
/// </summary>
[TestClass]
public sealed class HotLoopTests
{
    private const string Source = """
        fn f() -> number {
            var s = 0;
            for (var i = 0; i < 100; i++) {
                s = s + i;
            }
            return s;
        }
        print(f());
        """;

    /// <summary>
    /// Answers "later" a given number of times without touching the tier state (as when the compiler thread finishes the
    /// entry between the hook's answer and the VM's next step), then an entry that returns -1.
    /// </summary>
    private sealed class ScriptedHook(int laters, bool thenNever) : ITieringHook
    {
        public int Asks { get; private set; }
        public int Threshold => 5;
        public void OnHot(FunctionProto proto, Interpreter vm) => proto.JitRejected = proto.Name != "f";

        public HotLoopAnswer OnHotLoop(FunctionProto proto, int loopHeader, Interpreter vm)
        {
            Asks++;
            if (Asks <= laters) return HotLoopAnswer.Later;
            return thenNever ? HotLoopAnswer.Never : HotLoopAnswer.Enter((_, _, _) => Value.Number(-1));
        }
    }

    private static string Run(ScriptedHook hook)
    {
        var output = new StringWriter();
        new Interpreter { Out = output, Tiering = hook }.Run(Pipeline.Compile(Source).Program!);
        return output.ToString().Trim();
    }

    [TestMethod]
    public void AFrameToldLaterAsksAgainAndTakesTheEntry()
    {
        // Before HotLoopAnswer, the VM read "later" from TierState.Queued after the call; a compile that had just finished
        // (state back to Interpreted) made it stop asking, and sieve ran its whole main loop interpreted one run in ten.
        var hook = new ScriptedHook(laters: 3, thenNever: false);
        Assert.AreEqual("-1", Run(hook));
        Assert.AreEqual(4, hook.Asks);
    }

    [TestMethod]
    public void AFrameToldNeverStopsAsking()
    {
        var hook = new ScriptedHook(laters: 2, thenNever: true);
        Assert.AreEqual("4950", Run(hook));
        Assert.AreEqual(3, hook.Asks);
    }
}
