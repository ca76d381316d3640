using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Execution;

/// <summary>
/// A compiled back-edge whose limits check has work moves the loop's doubles (in a loop without doubles, its longs) to the
/// VM's spill area around the call and back (docs/jit.md, "Loops"); the values the loop goes on with are the ones it had.
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

    /// <summary>A sieve: loops of whole numbers only, whose counters move around the check instead.</summary>
    private const string Sieve = """
        fn run(n: number) -> number {
            var flags: number[] = [];
            for (var i = 0; i <= n; i++) { flags.push(1); }
            var p = 2;
            while (p * p <= n) {
                if (flags[p] == 1) {
                    var j = p * p;
                    while (j <= n) { flags[j] = 0; j += p; }
                }
                p++;
            }
            var primes = 0;
            for (var k = 2; k <= n; k++) { if (flags[k] == 1) { primes++; } }
            return primes;
        }
        print(run(20000));
        """;

    [TestMethod]
    public void WholeNumberCountersSurviveTheLimitsCheckAtEveryBackEdge()
    {
        var interpreted = Exec.Run(Sieve, null);
        var vm = new Interpreter { Limits = new ExecutionLimits { Fuel = 100_000_000 } };
        var compiled = Exec.Run(Exec.Compile(Sieve), new JitEngine(new JitConfig { CompilationThreshold = 1 }), vm: vm);
        Assert.IsNull(compiled.Error, Exec.Describe(compiled.Error));
        Assert.AreEqual("2262\n", interpreted.Output, "the primes below 20,000");
        Assert.AreEqual(interpreted.Output, compiled.Output);
        Assert.IsNotNull(Exec.Function(compiled.Program, "run").Compiled, "run was compiled");
    }

    [TestMethod]
    public void ALoopOfWholeNumbersMovesItsCountersAroundTheCheck()
    {
        var program = Exec.Compile(Sieve);
        var tree = new JitEngine(new JitConfig()).DescribeTree(Exec.Function(program, "run"), program.Globals);
        var lines = tree.Split('\n').Select(l => l.Trim()).ToList();
        Assert.IsTrue(lines.Any(l => l.StartsWith("vm.SpilledLongs[") && l.Contains("= j_")), "the inner loop's counter moves");
        Assert.IsTrue(lines.Any(l => l.StartsWith("j_") && l.Contains("= vm.SpilledLongs[")), "and comes back");
        Assert.IsFalse(lines.Any(l => l.StartsWith("vm.SpilledDoubles[")), "no doubles to move");
    }
}
