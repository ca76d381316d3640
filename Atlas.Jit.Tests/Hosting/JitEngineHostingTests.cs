using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Hosting;

/// <summary>Host functions, globals and errors of an embedding engine whose functions run compiled (threshold 1).</summary>
[TestClass]
public sealed class JitEngineHostingTests
{
    private static AtlasEngine Engine(TextWriter? output = null) =>
        new(new AtlasOptions { Output = output ?? TextWriter.Null, Jit = { Threshold = 1 } }.UseJit());

    private static Bytecode.FunctionProto Proto(AtlasEngine engine, string function) => engine.GetGlobalValue(function).AsFunction.Proto;

    private static bool IsCompiled(AtlasEngine engine, string function) => Proto(engine, function).Compiled != null;

    [TestMethod]
    public void HotCompiledCodeCallsHostFunctions()
    {
        var engine = Engine();
        int calls = 0;
        engine.RegisterFunction("square", (double x) =>
        {
            calls++;
            return x * x;
        });
        engine.RegisterFunction("tag", (string s) => "<" + s + ">");
        engine.Evaluate("fn sumSquares(n: number) -> number { var s = 0; for (var i = 0; i < n; i++) { s += square(i); } return s; }");
        engine.Evaluate("fn tags(n: number) -> string { var out = \"\"; for (var i = 0; i < n; i++) { out = out + tag(str(i)); } return out; }");
        Assert.AreEqual(328_350.0, engine.Call("sumSquares", 100));
        Assert.AreEqual("<0><1><2>", engine.Call("tags", 3));
        Assert.IsTrue(IsCompiled(engine, "sumSquares"));
        Assert.IsTrue(IsCompiled(engine, "tags"));
        Assert.AreEqual(100, calls);
        Assert.AreEqual(333_283_335_000.0, engine.Evaluate("sumSquares(10000)"));
    }

    [TestMethod]
    public void AHostFunctionFailingUnderCompiledCodeLeavesTheEngineUsable()
    {
        var engine = Engine();
        engine.RegisterFunction("check", (double x) => x < 50 ? x : throw new ArgumentOutOfRangeException(nameof(x), "too big"));
        engine.Evaluate("fn total(n: number) -> number { var s = 0; for (var i = 0; i < n; i++) { s += check(i); } return s; }");
        Assert.AreEqual(45.0, engine.Call("total", 10));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("total(100)"));
        Assert.AreEqual("AT0102", e.Code);
        Assert.IsInstanceOfType<ArgumentOutOfRangeException>(e.InnerException);
        StringAssert.Contains(engine.FormatError(e), "  at total (<eval>:1:1:79)\n  at <script> (<eval>:2:1:1)");
        Assert.IsTrue(IsCompiled(engine, "total"));
        Assert.AreEqual(190.0, engine.Call("total", 20));
    }

    [TestMethod]
    public void RuntimeErrorsInCompiledCodeLeaveTheEngineUsable()
    {
        var engine = Engine();
        engine.Evaluate("var hits = 0;\nfn pick(xs: number[], i: number) -> number { hits += 1; return xs[i]; }");
        Assert.AreEqual(2.0, engine.Evaluate("pick([1, 2], 1)"));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("pick([1, 2], 7)"));
        Assert.AreEqual("AT0006", e.Code);
        Assert.IsTrue(IsCompiled(engine, "pick"));
        Assert.AreEqual(1.0, engine.Evaluate("pick([1, 2], 0)"));
        Assert.AreEqual(3.0, engine.GetGlobal("hits"));
    }

    [TestMethod]
    public void CompiledCodeSeesGlobalsSetFromDotNet()
    {
        var engine = Engine();
        engine.SetGlobal("factor", 2);
        engine.Evaluate("fn scale(x: number) -> number { return x * factor; }");
        Assert.AreEqual(10.0, engine.Call("scale", 5));
        Assert.IsTrue(IsCompiled(engine, "scale"));
        engine.SetGlobal("factor", 7);
        Assert.AreEqual(35.0, engine.Call("scale", 5));
    }

    [TestMethod]
    public void ARedefinedFunctionDropsItsCompiledCode()
    {
        var engine = Engine();
        engine.Evaluate("fn f(x: number) -> number { return x + 1; }\nfn g() -> number { var s = 0; for (var i = 0; i < 3; i++) { s += f(i); } return s; }");
        Assert.AreEqual(6.0, engine.Call("g"));
        var oldF = Proto(engine, "f");
        Assert.IsNotNull(oldF.Compiled);
        engine.Evaluate("fn f(x: number) -> number { return x * 100; }");
        Assert.IsNull(oldF.Compiled, "the replaced code was invalidated");
        Assert.AreEqual(300.0, engine.Call("g"));
        engine.RegisterFunction("f", (double x) => -x);
        Assert.AreEqual(-3.0, engine.Call("g"), "compiled g reaches the host function that replaced f");
    }

    [TestMethod]
    public void ScriptCallbacksRunCompiledFromRawHostFunctions()
    {
        var engine = Engine();
        engine.RegisterFunction("each", "(number, (number) -> number) -> number", (vm, args) =>
        {
            double total = 0;
            for (int i = 0; i < args[0].AsNumber; i++) total += vm.Invoke(args[1], [Value.Number(i)]).AsNumber;
            return Value.Number(total);
        });
        engine.Evaluate("fn twice(x: number) -> number { return 2 * x; }");
        Assert.AreEqual(90.0, engine.Evaluate("each(10, twice)"));
        Assert.IsTrue(IsCompiled(engine, "twice"));
    }

    [TestMethod]
    public void TheJitCanBeTurnedOff()
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null, Jit = { Threshold = 1, Enabled = false } }.UseJit());
        Assert.IsNull(engine.Jit);
        engine.Evaluate("fn f() -> number { return 1; }");
        Assert.AreEqual(1.0, engine.Call("f"));
        Assert.IsFalse(IsCompiled(engine, "f"));
    }
}
