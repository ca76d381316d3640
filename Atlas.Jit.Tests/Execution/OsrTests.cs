using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// On-stack replacement: a hot loop in a call that started interpreted continues in compiled code (so a long loop in
/// a function called once, or in the script, is compiled), with the same results and errors.
/// </summary>
[TestClass]
public sealed class OsrTests
{
    [TestMethod]
    public void ALoopInAFunctionCalledOnceMovesToCompiledCode()
    {
        const string source = """
            fn run(n: number) -> number {
                var acc = 0;
                for (var i = 0; i < n; i++) { acc += (i * i) % 7; }
                return acc;
            }
            print(run(100000));
            """;
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 1000 });
        var run = Exec.Run(source, engine);
        Assert.AreEqual(Exec.Run(source, null).Output, run.Output);
        Assert.AreEqual(1, engine.Stats.LoopEntriesCompiled, engine.Stats.Format());
        var fn = Exec.Function(run.Program, "run");
        Assert.AreEqual(1, engine.CompiledCallsOf(fn), "run was called once, yet its back-edges made it hot: the loop ran compiled");
        Assert.IsNull(fn.Compiled, "only the loop is compiled for a function called once");
        Assert.AreEqual(0, engine.Stats.FunctionsCompiled - (run.Program.Script.Compiled == null ? 0 : 1), engine.Stats.Format());
    }

    [TestMethod]
    public void AnInnerLoopsEntryHandsTheFrameToTheOutermostLoopsEntry()
    {
        // The inner loop gets hot first; its entry gives the frame back at the outer loop's back-edge, and the interpreter
        // then enters the outer loop's own entry, which runs the rest: two entries, one call of run, the same output.
        const string source = """
            fn run(rows: number, cols: number) -> number {
                var total = 0;
                for (var y = 0; y < rows; y++) {
                    var x = 0;
                    while (x < cols) { total += (x * y) % 5; x++; }
                    total += 1;
                }
                return total;
            }
            print(run(300, 400));
            """;
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 1000 });
        var run = Exec.Run(source, engine);
        Assert.AreEqual(Exec.Run(source, null).Output, run.Output);
        Assert.AreEqual(2, engine.Stats.LoopEntriesCompiled, engine.Stats.Format());
        var fn = Exec.Function(run.Program, "run");
        Assert.IsNull(fn.Compiled, "run was called once: only its loops are compiled");
        Assert.IsLessThan(10L, engine.CompiledCallsOf(fn), "after the outer loop's entry took over, the frame stayed in it");
    }

    [TestMethod]
    public void TheScriptsOwnLoopMovesToCompiledCode()
    {
        const string source = """
            var total = 0;
            var words = ["a", "bb", "ccc"];
            for (var i = 0; i < 3000; i++) { total = total + len(words[i % 3]); }
            print(total);
            """;
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 100 });
        var run = Exec.Run(source, engine);
        Assert.AreEqual("6000\n", run.Output.ReplaceLineEndings("\n"));
        Assert.AreEqual(1, engine.Stats.LoopEntriesCompiled);
    }

    [TestMethod]
    public void NestedLoopsClosuresAndUpvaluesSurviveTheMove()
    {
        Parity.Check("""
            fn outer(n: number) -> number {
                var count = 0;
                fn bump(k: number) -> number { count = count + k; return count; }
                var s = 0;
                for (var i = 0; i < n; i++) {
                    for (var j = 0; j < 3; j++) { s = s + bump(j); }
                    count = count + 1;
                }
                return s + count;
            }
            print(outer(50));
            print(outer(60));
            """, 1, 2, 5, 37);
    }

    [TestMethod]
    public void LocalsOfEveryKindAreCarriedIntoTheCompiledLoop()
    {
        Parity.Check("""
            fn f(n: number, tag: string, flag: bool) -> string {
                var xs = [1, 2];
                var s = "";
                var b = flag;
                var o = Some(1);
                for (var i = 0; i < n; i++) {
                    xs.push(i);
                    s = s + tag;
                    b = !b;
                    o = Some(i);
                }
                return str(len(xs)) + s + str(b) + str(o);
            }
            print(f(30, "x", true));
            """, 1, 2, 10);
    }

    [TestMethod]
    public void AParameterOfTheWrongKindKeepsTheCallInterpreted()
    {
        // f is compiled with x unboxed; a later call passes a string through untyped code. That call runs
        // interpreted, and its hot loop must not move to the typed compiled loop.
        const string source = """
            fn f(x: number, n: number) -> string {
                var s = "";
                for (var i = 0; i < n; i++) { s = str(x); }
                return s;
            }
            print(f(1, 5));
            print(f(2, 5));
            print(f(unwrap(Some("str")), 50));
            """;
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 2 });
        var run = Exec.Run(source, engine);
        Assert.AreEqual(Exec.Run(source, null).Output, run.Output);
        Assert.IsNull(run.Error);
    }

    [TestMethod]
    public void AnErrorInTheCompiledLoopReportsTheFrameOnce()
    {
        const string source = """
            fn run(n: number) -> number {
                var acc = 0;
                for (var i = 0; i < n; i++) { acc += 100 / (50 - i); }
                return acc;
            }
            print(run(100));
            """;
        var engine = new JitEngine(new JitConfig { CountCalls = true, Synchronous = true, CompilationThreshold = 10 });
        var compiled = Exec.Run(source, engine);
        Assert.AreEqual(1, engine.Stats.LoopEntriesCompiled);
        Assert.AreEqual(Exec.Describe(Exec.Run(source, null).Error), Exec.Describe(compiled.Error));
        CollectionAssert.AreEqual(new[] { "run", "<script>" }, compiled.Error!.AtlasStack.Select(f => f.FunctionName).ToArray());
    }

    [TestMethod]
    public void TheEntryBailsOutWithoutSideEffectsWhenALocalDoesNotFit()
    {
        var program = Exec.Compile("""
            fn f(x: number, n: number) -> number {
                var s = 0;
                for (var i = 0; i < n; i++) { s = s + x; }
                return s;
            }
            print(f(1, 2));
            """);
        var f = Exec.Function(program, "f");
        var engine = new JitEngine(new JitConfig { CountCalls = true, CompilationThreshold = 1 });
        var vm = new Interpreter { Out = TextWriter.Null };
        // Find the loop header: the target of the Loop instruction.
        int header = -1;
        for (int pc = 0; pc < f.Code.Length; pc += Atlas.Bytecode.OpInfo.Of((Atlas.Bytecode.OpCode)f.Code[pc]).Size)
            if ((Atlas.Bytecode.OpCode)f.Code[pc] == Atlas.Bytecode.OpCode.Loop) header = f.Code[pc + 1];
        var entry = engine.OnHotLoop(f, header, vm).Entry;
        Assert.IsNotNull(entry);
        // A frame whose x holds a string: the entry must refuse it.
        vm.Push(Value.Null);
        int frameBase = 1;
        vm.Push(Value.String("s"));
        vm.Push(Value.Number(3));
        for (int i = 2; i < f.LocalCount; i++) vm.Push(Value.Null);
        var result = entry(vm, new FunctionValue(f), frameBase);
        Assert.AreEqual(ValueKind.Undefined, result.Kind);
        Assert.AreEqual(HotLoopAnswer.Never, engine.OnHotLoop(f, 0, vm), "no entry where the loop header is not");
    }
}
