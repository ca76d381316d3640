using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// A compiled back-edge whose limits check has work moves the loop's doubles to the VM's spill area around the call and
/// back (docs/jit.md, "Loops"); the values the loop goes on with are the ones it had.
/// </summary>
[TestClass]
public sealed class LoopTickTests
{
    /// <summary>The benchmark's mandelbrot at the corpus size (nested loops of doubles and whole-number counters).</summary>
    private static readonly string Source =
        File.ReadAllText(Path.Combine(Atlas.Tests.Support.CorpusRunner.CorpusRoot, "bench", "mandelbrot.atl"));

    [TestMethod]
    public void DoublesInACompiledLoopSurviveTheLimitsCheckAtEveryBackEdge()
    {
        var interpreted = Exec.Run(Source, null);
        // Counting fuel makes every compiled back-edge run the limits check, so every iteration goes through the spill area.
        var vm = new Interpreter { Limits = new ExecutionLimits { Fuel = 100_000_000 } };
        var compiled = Exec.Run(Exec.Compile(Source), new JitEngine(new JitConfig { CompilationThreshold = 1 }), vm: vm);
        Assert.IsNull(compiled.Error, Exec.Describe(compiled.Error));
        Assert.AreEqual(interpreted.Output, compiled.Output);
        Assert.IsNotNull(Exec.Function(compiled.Program, "run").Compiled, "run was compiled");
    }

    [TestMethod]
    public void OnlyTheDoublesALoopReadsAreMovedAroundTheCheck()
    {
        var program = Exec.Compile(Source);
        var tree = new JitEngine(new JitConfig()).DescribeTree(Exec.Function(program, "run"));
        var moved = tree.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("vm.SpilledDoubles[")).ToList();
        var restored = tree.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("= vm.SpilledDoubles[")).ToList();
        Assert.IsNotEmpty(moved);
        Assert.HasCount(moved.Count, restored, "each value moved out is moved back");
        Assert.IsTrue(moved.Any(l => l.Contains("= zi2_")), "the innermost loop's doubles are moved");
        Assert.IsFalse(moved.Any(l => l.Contains("= py_") || l.Contains("= it_")), "whole-number counters stay in registers");
    }
}
