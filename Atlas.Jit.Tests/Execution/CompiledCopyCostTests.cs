using Atlas.Vm;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// Compiled code keeps the interpreter's copy-on-write costs: building or updating an array in a loop copies it at most
/// once, whether the loop runs in a compiled function or in a loop entry (on-stack replacement); reading a map, set,
/// queue or stack through a builtin (hashMapHas, len …) before writing it copies nothing either (issue 13).
/// </summary>
[TestClass]
public sealed class CompiledCopyCostTests
{
    private const int N = 20_000;

    public static IEnumerable<object[]> Cases =>
    [
        ["push method", $"var a: number[] = []; for (var i = 0; i < {N}; i++) {{ a.push(i); }} print(len(a));"],
        ["arrayPush reassigned", $"var a: number[] = []; for (var i = 0; i < {N}; i++) {{ a = arrayPush(a, i); }} print(len(a));"],
        ["concat reassigned", $"var a: number[] = []; for (var i = 0; i < {N}; i++) {{ a = concat(a, [i]); }} print(len(a));"],
        ["in a function", $$"""
            fn build(n: number) -> number[] {
                var a: number[] = [];
                for (var i = 0; i < n; i++) { a = arrayPush(a, i); }
                for (var i = 0; i < n; i++) { a[i] = a[i] * 2; }
                return a;
            }
            var total = 0;
            for (var r = 0; r < 3; r++) { let b = build({{N}}); total += b[{{N}} - 1]; }
            print(total);
            """],
        ["map has then put", $$"""
            fn run(n: number) -> number {
                var counts = hashMapNew();
                for (var i = 0; i < n; i++) { let t = "k" + str(i); let _h = hashMapHas(counts, t); hashMapPut(counts, t, i); }
                return hashMapSize(counts);
            }
            print(run({{N}}));
            """],
        ["set has then add at top level", $$"""
            var seen = hashSetNew();
            for (var i = 0; i < {{N}}; i++) { if (!hashSetHas(seen, i)) { hashSetAdd(seen, i); } }
            print(hashSetSize(seen));
            """],
        ["queue and stack read then written", $$"""
            fn run(n: number) -> number {
                var q = queueNew();
                var s = stackNew();
                for (var i = 0; i < n; i++) { let _a = queueSize(q) + stackSize(s); queueEnqueue(q, i); stackPush(s, i); }
                return queueSize(q) + stackSize(s);
            }
            print(run({{N}}));
            """],
        ["array len in the loop condition", $$"""
            fn run(n: number) -> number {
                var a: number[] = [];
                for (var i = 0; i < n; i++) { a.push(i); }
                for (var i = 0; i < len(a); i++) { a[i] = len(a) - i; }
                return a[0];
            }
            print(run({{N}}));
            """],
    ];

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void LoopsOfWritesCopyAtMostOnce(string name, string source)
    {
        var program = Support.Exec.Compile(source);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        var vm = new Interpreter { Out = new StringWriter(), Tiering = engine };
        long before = CowObject.CopiesOnThisThread;
        vm.Run(program);
        long copies = CowObject.CopiesOnThisThread - before;
        Assert.IsLessThanOrEqualTo(1L, copies, $"{name}: {copies} array copies");
        Assert.IsGreaterThan(0, engine.Stats.FunctionsCompiled + engine.Stats.LoopEntriesCompiled, "the loops ran compiled");
    }
}
