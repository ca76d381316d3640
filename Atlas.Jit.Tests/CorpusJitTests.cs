using Atlas.Jit.Tests.Support;
using Atlas.Tests.Support;

namespace Atlas.Jit.Tests;

/// <summary>
/// Every corpus program again with the JIT compiling each function (and the script) on its first call. Its output,
/// diagnostics and positions must match the expectation files, and everything it prints — including each runtime
/// error's rendered Atlas call stack — must be byte-for-byte what the interpreter prints.
/// </summary>
[TestClass]
public sealed class CorpusJitTests
{
    public static IEnumerable<object[]> Cases => CorpusRunner.Cases();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ProgramAtThresholdOne(string file)
    {
        var engines = new List<JitEngine>();
        var problems = CorpusRunner.Check(file, _ =>
        {
            var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
            engines.Add(engine);
            return engine;
        });
        if (problems.Length > 0) Assert.Fail($"{file}:\n{problems}");
        foreach (var engine in engines)
        {
            var stats = engine.Stats;
            Assert.IsGreaterThanOrEqualTo(1, stats.FunctionsCompiled, $"{file}: the script itself was not compiled");
            Assert.IsEmpty(stats.Rejected, $"{file}: functions stayed interpreted:\n{stats.Format()}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ProgramPrintsExactlyWhatTheInterpreterPrints(string file)
    {
        PrintsWhatTheInterpreterPrints(file, Runs.Jit(1));
    }

    /// <summary>
    /// At threshold 2 the script and every function's first call start interpreted: loops move into compiled code
    /// mid-call (on-stack replacement) and functions switch tier between calls — the same output is still required.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ProgramSwitchingTiersMidRunPrintsTheSame(string file)
    {
        PrintsWhatTheInterpreterPrints(file, Runs.Jit(2));
    }

    /// <summary>
    /// With the compiler thread: functions and loops switch tier whenever their code happens to be installed, racing the
    /// program — the output must not depend on when.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ProgramCompiledInTheBackgroundPrintsTheSame(string file)
    {
        PrintsWhatTheInterpreterPrints(file, Runs.BackgroundJit(2));
    }

    [TestMethod]
    public void CorpusIsPresent() =>
        Assert.IsGreaterThan(100, CorpusRunner.Cases().Count(), "the corpus was not copied to the test output");

    private static void PrintsWhatTheInterpreterPrints(string file, Func<JitEngine> jit)
    {
        var path = Path.Combine(CorpusRunner.CorpusRoot, file);
        var interpreted = Runs.File(path, jit: null);
        var compiled = Runs.File(path, jit);
        Assert.AreEqual(interpreted.Stdout, compiled.Stdout, $"{file}: stdout");
        Assert.AreEqual(interpreted.Stderr, compiled.Stderr, $"{file}: stderr");
        Assert.AreEqual(interpreted.ExitCode, compiled.ExitCode, $"{file}: exit code");
    }
}
