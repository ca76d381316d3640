using Atlas.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// Compiled code keeps the interpreter's linear costs (issue 13): a string built with <c>+</c> and a map read with
/// <c>hashMapHas</c> before each write, in functions compiled on their first call. Ten times the input may take at most
/// fifteen times as long (a copy of the whole string or map per step would take about a hundred times as long).
/// </summary>
// Not run beside other tests, and timed in process CPU time: on a loaded machine a short run finds a quiet moment more
// easily than a long one, which skews wall-clock ratios.
[TestClass]
[DoNotParallelize]
public sealed class CompiledLinearGrowthTests
{
    private static string Build(int n) => $$"""
        fn build(n: number) -> number {
            var s = "";
            for (var i = 0; i < n; i++) { s = s + str(i % 10); }
            return len(s);
        }
        print(build({{n}}));
        """;

    private static string Count(int n) => $$"""
        fn count(n: number) -> number {
            var counts = hashMapNew();
            for (var i = 0; i < n; i++) { let t = "k" + str(i); if (!hashMapHas(counts, t)) { hashMapPut(counts, t, i); } }
            return hashMapSize(counts);
        }
        print(count({{n}}));
        """;

    [TestMethod]
    public void StringBuiltByPlusIsLinear() => AssertLinear(Build, 100_000);

    [TestMethod]
    public void MapReadThenWrittenIsLinear() => AssertLinear(Count, 5_000);

    private static void AssertLinear(Func<int, string> source, int n)
    {
        var small = Support.Exec.Compile(source(n));
        var large = Support.Exec.Compile(source(10 * n));
        var (output, compiled) = Run(small);
        Assert.AreEqual($"{n}\n", output, "the program's result");
        Assert.IsGreaterThan(0, compiled, "the loop ran compiled");
        CpuTime.AssertScales(() => Run(small), () => Run(large));
    }

    private static (string Output, int Compiled) Run(global::Atlas.Bytecode.CompiledProgram program)
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        var vm = new Interpreter { Out = new StringWriter(), Tiering = engine };
        vm.Run(program);
        return (vm.Out.ToString()!, engine.Stats.FunctionsCompiled + engine.Stats.LoopEntriesCompiled);
    }
}
