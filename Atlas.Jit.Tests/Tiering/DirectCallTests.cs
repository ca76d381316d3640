using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>
/// The call protocol's direct calls (docs/jit.md, "Call protocol"): compiled callers call compiled callees' methods
/// behind one guard on the callee slot, go through the patchable entry while the callee is not compiled, and are dropped
/// with the callee when it is invalidated or redefined.
/// </summary>
[TestClass]
public sealed class DirectCallTests
{
    private const string TwoFunctions = """
        fn f(x: number) -> number { return x + 1; }
        fn g(n: number) -> number { var s = 0; for (var i = 0; i < n; i++) { s = s + f(i); } return s; }
        """;

    [TestMethod]
    public void ACallerCompiledAfterItsCalleeLinksToItsMethod()
    {
        var program = Exec.Compile(TwoFunctions + "print(f(1));\nprint(g(3));");
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        var run = Exec.Run(program, engine);
        Assert.AreEqual("2\n6\n", run.Output.ReplaceLineEndings("\n"));
        var f = engine.FunctionFor(Exec.Function(program, "f"))!;
        var g = engine.FunctionFor(Exec.Function(program, "g"))!;
        Assert.IsNotNull(f.Method, "f's typed body is a method others can call");
        CollectionAssert.Contains(f.DirectCallers.ToList(), g, "g was compiled after f, so it calls f's method directly");
    }

    [TestMethod]
    public void InvalidatingTheCalleeDropsItsDirectCallers()
    {
        var program = Exec.Compile(TwoFunctions + "print(f(1));\nprint(g(3));");
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        Exec.Run(program, engine);
        var fProto = Exec.Function(program, "f");
        var gProto = Exec.Function(program, "g");
        Assert.IsNotNull(gProto.Compiled);
        engine.Invalidate(fProto);
        Assert.IsNull(fProto.Compiled);
        Assert.IsNull(gProto.Compiled, "g called f's method directly: it is recompiled against the current f when hot again");
        Assert.IsNull(engine.FunctionFor(fProto)!.Method, "nothing links to f's old method any more");
    }

    [TestMethod]
    public void ARedefinedCalleeIsCalledByCompiledCallersAtTheirNextCall()
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null, Jit = { Threshold = 1 } }.UseJit());
        engine.Evaluate(TwoFunctions);
        Assert.AreEqual(2.0, engine.Call("f", 1.0), "compiles f first");
        Assert.AreEqual(6.0, engine.Call("g", 3.0), "then g, which links to f's method");
        var oldG = engine.GetGlobalValue("g").AsFunction.Proto;
        Assert.IsNotNull(oldG.Compiled);
        engine.Evaluate("fn f(x: number) -> number { return x * 100; }");
        Assert.IsNull(oldG.Compiled, "g linked to the old f: dropped with it");
        Assert.AreEqual(300.0, engine.Call("g", 3.0), "g (compiled again) calls the new f");
        Assert.AreEqual(300.0, engine.Call("g", 3.0));
        Assert.IsNotNull(oldG.Compiled);
        var ex = Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate("fn f(x: string) -> number { return 1; }"));
        StringAssert.Contains(ex.Message, "f", "a redefinition with another type is still refused");
        Assert.AreEqual(300.0, engine.Call("g", 3.0));
    }

    [TestMethod]
    public void MutualRecursionGoesThroughThePatchableEntryUntilBothAreCompiled()
    {
        const string source = """
            fn isEven(n: number) -> bool { if (n == 0) { return true; } return isOdd(n - 1); }
            fn isOdd(n: number) -> bool { if (n == 0) { return false; } return isEven(n - 1); }
            print(isEven(10000));
            print(isOdd(7777));
            """;
        foreach (var outcome in Parity.Check(source, 1, 2, 50)) Assert.AreEqual("true\ntrue\n", outcome.Stdout);
    }

    [TestMethod]
    public void AGlobalHoldingClosuresCallsTheClosureItHoldsNow()
    {
        // Every closure of adder has the same prototype: the guard must not mistake one for another.
        const string source = """
            fn adder(k: number) -> (number) -> number { fn add(x: number) -> number { return x + k; } return add; }
            var op = adder(1);
            fn apply(x: number) -> number { return op(x); }
            var s = 0;
            for (var i = 0; i < 20; i++) { s = s + apply(i); if (i == 9) { op = adder(100); } }
            print(s);
            """;
        foreach (var outcome in Parity.Check(source, 1, 3)) Assert.AreEqual("1200\n", outcome.Stdout);
    }

    [TestMethod]
    public void AFunctionValueOfAnotherDeclarationInTheSameGlobalTakesTheGenericPath()
    {
        const string source = """
            fn one(x: number) -> number { return 1; }
            fn two(x: number) -> number { return 2; }
            var pick = one;
            fn use(x: number) -> number { return pick(x); }
            var s = 0;
            for (var i = 0; i < 10; i++) { s = s + use(i); if (i % 2 == 0) { pick = two; } else { pick = one; } }
            print(s);
            """;
        foreach (var outcome in Parity.Check(source, 1, 2)) Assert.AreEqual("15\n", outcome.Stdout);
    }

    [TestMethod]
    public void ACalleeThatReassignsTheGlobalRedirectsTheCallerMidCall()
    {
        // use's two calls of pick are guarded by the VM's function epoch: swap changes it while use is running.
        const string source = """
            fn one(x: number) -> number { return 1; }
            fn two(x: number) -> number { return 2; }
            var pick = one;
            fn swap(x: number) -> number { pick = two; return 0; }
            fn use(x: number) -> number { var s = pick(x); s = s + swap(x); return s * 10 + pick(x); }
            print(use(0));
            pick = one;
            print(use(0));
            """;
        foreach (var outcome in Parity.Check(source, 1, 2)) Assert.AreEqual("12\n12\n", outcome.Stdout);
    }

    [TestMethod]
    public void AnArgumentThatDeoptimizesLeavesTheCalleeForTheInterpreter()
    {
        // g's global read is fused into the call's guard, so its slot holds nothing while the arguments run; 0 * k is -0
        // for k = -1, which a long cannot hold: the call continues in the interpreter before g is called, with g there.
        const string source = """
            fn g(a: number[]) -> string { return str(len(a)) + str(a[1]); }
            fn h(k: number) -> string { return g([0, 0 * k, 0]); }
            print(h(1));
            print(h(0 - 1));
            """;
        foreach (var outcome in Parity.Check(source, 1, 2)) Assert.AreEqual("30\n3-0\n", outcome.Stdout);
    }

    [TestMethod]
    public void TheFunctionEpochChangesOnlyWhenAGlobalHoldingAFunctionIsOverwritten()
    {
        var vm = new Interpreter();
        var other = new Interpreter();
        Assert.AreNotEqual(vm.FunctionEpoch, other.FunctionEpoch, "epochs are unique across interpreters");
        var fn = Value.Function(new FunctionValue(Exec.Function(Exec.Compile(TwoFunctions), "f")));
        int start = vm.FunctionEpoch;
        vm.StoreGlobal(0, Value.Number(1));
        vm.StoreGlobal(0, Value.Number(2));
        vm.StoreGlobal(1, fn);
        Assert.AreEqual(start, vm.FunctionEpoch, "numbers, and a function stored where none was, keep the epoch");
        vm.StoreGlobal(1, fn);
        Assert.AreEqual(start, vm.FunctionEpoch, "storing the same function again keeps it");
        vm.StoreGlobal(1, Value.Number(3));
        Assert.AreNotEqual(start, vm.FunctionEpoch, "overwriting a function changes it");
    }

    [TestMethod]
    public void BuiltinCallbacksTakeTheDirectEntryAndFallBackWhenTheArgumentDoesNotFit()
    {
        // show's parameter is a number to the checker, but an untyped array can hand it a string: that call runs
        // interpreted (str accepts strings), and twice fails on it exactly as in the interpreter.
        const string source = """
            fn twice(x: number) -> number { return x * 2; }
            fn show(x: number) -> string { return str(x) + "!"; }
            fn big(x: number) -> bool { return x > 1; }
            var xs = [];
            xs.push(1);
            xs.push(2);
            print(map(xs, twice));
            print(filter(xs, big));
            xs.push("a");
            print(map(xs, show));
            print(map(xs, twice));
            """;
        foreach (var outcome in Parity.Check(source, 1, 2))
        {
            Assert.AreEqual("[2, 4]\n[2]\n[1!, 2!, a!]\n", outcome.Stdout);
            StringAssert.Contains(outcome.Stderr, "error[AT0001]: Type error: Expected numbers");
        }
        var program = Exec.Compile("fn twice(x: number) -> number { return x * 2; }\nprint(map([1, 2, 3], twice));");
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        Exec.Run(program, engine);
        Assert.IsNotNull(Exec.Function(program, "twice").CompiledCallback, "a one-parameter function gets the direct entry");
    }

    [TestMethod]
    public void AnErrorInAFunctionReachedThroughAFailedGuardHasTheInterpretersStack()
    {
        // The fused read stores its offset only where its guard fails; the call still reports the caller at the call.
        Parity.Check("""
            fn one(x: number) -> number { return x + 1; }
            fn bad(x: number) -> number { return x / (x - x); }
            var f = one;
            fn use(x: number) -> number {
                return f(x) * 2;
            }
            print(use(1));
            f = bad;
            print(use(1));
            """, 1, 2);
    }

    private const string StableCallee = """
        fn b(x: number) -> number { return x + 1; }
        fn c(x: number) -> number { return x + 100; }
        fn a(x: number) -> number {
            return b(x) * 2;
        }
        print(a(1));
        """;

    /// <summary>
    /// Runs <see cref="StableCallee"/> on a fresh VM, replaces global <c>b</c> there behind the VM's back (as another
    /// interpreter running the same program, whose compiled code it shares, may have it), and calls <c>a</c> again.
    /// </summary>
    private static (Value Value, AtlasRuntimeException? Error) CallAWithB(CompiledProgram program, JitEngine? engine, Value b)
    {
        var vm = Exec.Run(program, engine).Vm;
        vm.Globals[program.Globals.FindByName("b")] = b;
        try
        {
            return (vm.Invoke(vm.Globals[program.Globals.FindByName("a")], [Value.Number(1)]), null);
        }
        catch (AtlasRuntimeException e)
        {
            return (Value.Null, e);
        }
    }

    [TestMethod]
    public void AStableCalleeWhoseGuardFailsContinuesInTheInterpreterFromTheRead()
    {
        // a's read of b (a fn: only a redefinition replaces it) has no guard at the call: where the read's guard fails,
        // the call deoptimizes there and the interpreter calls what the global holds now.
        var program = Exec.Compile(StableCallee);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        var first = Exec.Run(program, engine);
        Assert.AreEqual("4\n", first.Output.ReplaceLineEndings("\n"));
        var a = engine.FunctionFor(Exec.Function(program, "a"))!;
        Assert.IsNotNull(a.Method, "a is compiled, with a direct call of b");
        Assert.AreEqual(0, a.Deoptimizations);
        var c = first.Vm.Globals[program.Globals.FindByName("c")];
        var (value, error) = CallAWithB(program, engine, c);
        Assert.IsNull(error, Exec.Describe(error));
        Assert.AreEqual(202.0, value.AsNumber, "a called c, which the global holds in that VM");
        Assert.AreEqual(1, a.Deoptimizations, "the read's guard failed and the call went on interpreted");
        Assert.AreEqual(202.0, CallAWithB(program, null, c).Value.AsNumber, "as the interpreter does");
    }

    [TestMethod]
    public void AStableCalleeNotDefinedInAnotherInterpreterRaisesAT0002AtTheRead()
    {
        var program = Exec.Compile(StableCallee);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        Exec.Run(program, engine);
        var compiled = CallAWithB(program, engine, Value.Undefined).Error;
        var interpreted = CallAWithB(program, null, Value.Undefined).Error;
        Assert.IsNotNull(compiled);
        Assert.AreEqual("AT0002", compiled.Code);
        Assert.AreEqual(Exec.Describe(interpreted), Exec.Describe(compiled), "code, message, location and call stack");
    }

    [TestMethod]
    public void ACallerThatReachedItsCalleeThroughThePatchableEntryIsDroppedWhenTheCalleeIsRedefined()
    {
        // g is compiled before f (g's first call compiles it; f's compiles f), so its call of f goes through f's patchable
        // entry, behind a read that deoptimizes if the global changes. Redefining f must drop g: its read would fail
        // at every call.
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null, Jit = { Threshold = 1 } }.UseJit());
        engine.Evaluate(TwoFunctions);
        Assert.AreEqual(6.0, engine.Call("g", 3.0));
        var gProto = engine.GetGlobalValue("g").AsFunction.Proto;
        Assert.IsNotNull(gProto.Compiled);
        engine.Evaluate("fn f(x: number) -> number { return x * 100; }");
        Assert.IsNull(gProto.Compiled, "g guessed the old f: dropped with it");
        Assert.AreEqual(300.0, engine.Call("g", 3.0));
        Assert.AreEqual(300.0, engine.Call("g", 3.0));
    }

    [TestMethod]
    public void ALoopEntryThatCallsARedefinedFunctionIsDroppedWithIt()
    {
        var program = Exec.Compile("""
            fn f(x: number) -> number { return x + 1; }
            fn g(n: number) -> number { var s = 0; for (var i = 0; i < n; i++) { s = s + f(i); } return s; }
            print(f(1));
            print(g(50));
            """);
        // f compiles at its first call; g, called once, is hot only through its loop's back-edges: a loop entry.
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 2, Synchronous = true });
        var run = Exec.Run(program, engine);
        Assert.AreEqual("2\n1275\n", run.Output.ReplaceLineEndings("\n"));
        var f = Exec.Function(program, "f");
        var gProto = Exec.Function(program, "g");
        var g = engine.FunctionFor(gProto)!;
        bool HasLoopEntry() => Enumerable.Range(0, gProto.Code.Length).Any(g.LoopEntries.ContainsKey);
        Assert.IsTrue(HasLoopEntry(), "g's loop ran compiled");
        engine.Invalidate(f);
        Assert.IsFalse(HasLoopEntry(), "the entry called f: it is compiled again against the current f when hot again");
    }
}
