using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>
/// The precompiled entries of typed bodies (arity up to 4) and the generated one (above) behave alike: arguments of the
/// right kinds reach the typed body, others run the call interpreted and are counted.
/// </summary>
[TestClass]
public sealed class EntryAdapterTests
{
    private const string Program = """
        fn four(a: number, b: bool, c: string, d: number) -> number { if (b) { return a + d + len(c); } return a - d; }
        fn five(a: number, b: bool, c: string, d: number, e: number) -> number { if (b) { return a + d + e + len(c); } return a - d - e; }
        fn flag(a: number) -> bool { return a > 1; }
        fn half(a: number) -> number { return a / 2; }
        fn next(a: number) -> number { return a + 1; }
        """;

    private static (string Outcome, JitEngine? Engine) Call(string name, Value[] args, bool jit)
    {
        var program = Exec.Compile(Program);
        var engine = jit ? new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 }) : null;
        var vm = new Interpreter { Tiering = engine, Out = TextWriter.Null };
        vm.Run(program);
        var fn = vm.Globals[program.Globals.FindByName(name)];
        try
        {
            return (ValueFormatter.Display(vm.Invoke(fn, args)), engine);
        }
        catch (AtlasRuntimeException e)
        {
            return ("error: " + e.Message, engine);
        }
    }

    [TestMethod]
    [DataRow("four", 4)]
    [DataRow("five", 5)]
    public void ArgumentsOfTheRightKindsRunCompiledAndOthersFallBack(string name, int arity)
    {
        Value[] good = [Value.Number(2), Value.Bool(true), Value.String("xyz"), Value.Number(3), Value.Number(4)];
        Value[] bad = [Value.String("2"), Value.Bool(true), Value.String("xyz"), Value.Number(3), Value.Number(4)];
        Value[] badBool = [Value.Number(2), Value.Number(1), Value.String("xyz"), Value.Number(3), Value.Number(4)];
        foreach (var args in new[] { good, bad, badBool })
        {
            var (jitted, engine) = Call(name, args[..arity], jit: true);
            Assert.AreEqual(Call(name, args[..arity], jit: false).Outcome, jitted);
            long fallbacks = engine!.Stats.FallbackReasons.GetValueOrDefault(JitEngine.ArgumentFallbackReason);
            Assert.AreEqual(args == good ? 0 : 1, fallbacks, engine.Stats.Format());
        }
    }

    [TestMethod]
    [DataRow("half", "2.5")]
    [DataRow("next", "6")]
    public void ANumberToNumberFunctionTakesTheDirectlyCalledEntryAndStillFallsBack(string name, string expected)
    {
        // number -> number (double or whole) is built by a direct call (precompiled by ReadyToRun), not by MakeGenericMethod.
        var (outcome, engine) = Call(name, [Value.Number(5)], jit: true);
        Assert.AreEqual(expected, outcome);
        Assert.AreEqual(0, engine!.Stats.FallbackReasons.GetValueOrDefault(JitEngine.ArgumentFallbackReason), engine.Stats.Format());
        var (wrongKind, fallbackEngine) = Call(name, [Value.String("5")], jit: true);
        Assert.AreEqual(Call(name, [Value.String("5")], jit: false).Outcome, wrongKind);
        Assert.AreEqual(1, fallbackEngine!.Stats.FallbackReasons[JitEngine.ArgumentFallbackReason], fallbackEngine.Stats.Format());
    }

    [TestMethod]
    public void AnUnboxedBoolResultIsBoxed()
    {
        var (outcome, engine) = Call("flag", [Value.Number(3)], jit: true);
        Assert.AreEqual("true", outcome);
        Assert.AreEqual(1, engine!.Stats.CallsByFunction.Single(f => f.Function == "flag").Calls, engine.Stats.Format());
    }
}
