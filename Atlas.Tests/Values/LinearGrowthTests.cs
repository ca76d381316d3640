using Atlas.Tests.Support;
using Atlas.Vm;

namespace Atlas.Tests.Values;

/// <summary>
/// Loops that users write first stay linear (issue 13): building a string with <c>+</c>, and counting into a map that is
/// read with <c>hashMapHas</c> before each write. Ten times the input may take at most fifteen times as long; a quadratic
/// cost (a copy of the whole string or map per step) takes about a hundred times as long.
/// </summary>
// Not run beside other tests, and timed in process CPU time: on a loaded machine a short run finds a quiet moment more
// easily than a long one, which skews wall-clock ratios.
[TestClass]
[DoNotParallelize]
public sealed class LinearGrowthTests
{
    internal static string StringBuilding(int n) => $$"""
        var s = "";
        for (var i = 0; i < {{n}}; i++) { s = s + str(i % 10); }
        print(len(s));
        """;

    internal static string MapCounting(int n) => $$"""
        var counts = hashMapNew();
        for (var i = 0; i < {{n}}; i++) { let t = "k" + str(i); let _has = hashMapHas(counts, t); hashMapPut(counts, t, i); }
        print(hashMapSize(counts));
        """;

    [TestMethod]
    public void StringBuiltByPlusIsLinear() => AssertLinear(StringBuilding, 100_000);

    [TestMethod]
    public void MapReadThenWrittenIsLinear() => AssertLinear(MapCounting, 5_000);

    /// <summary>Fails when the program at 10n takes more than 15 times as long as at n (<see cref="CpuTime.AssertScales"/>).</summary>
    internal static void AssertLinear(Func<int, string> source, int n)
    {
        var small = global::Atlas.Hosting.Pipeline.Compile(source(n)).Program!;
        var large = global::Atlas.Hosting.Pipeline.Compile(source(10 * n)).Program!;
        Assert.AreEqual($"{n}\n", Run(small), "the program's result");
        CpuTime.AssertScales(() => Run(small), () => Run(large));
    }

    private static string Run(global::Atlas.Bytecode.CompiledProgram program)
    {
        var vm = new Interpreter { Out = new StringWriter() };
        vm.Run(program);
        return vm.Out.ToString()!;
    }
}
