using Atlas.Repl.Cli;
using Atlas.Tests.Support;

namespace Atlas.Jit.Tests.Cli;

/// <summary>The module corpus again with the JIT compiling every function, imported ones included, on its first call.</summary>
[TestClass]
public sealed class ModuleJitTests
{
    public static IEnumerable<object[]> Cases => ModuleCorpusRunner.Cases();

    private static readonly Func<string[], (int, string, string)> Atlas = ModuleCorpusRunner.Cli((o, e) => JitWiring.CreateApp(o, e));

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ProgramAtThresholdOne(string name)
    {
        var problems = ModuleCorpusRunner.Check(name, Atlas, "--jit-threshold", "1");
        if (problems.Length > 0) Assert.Fail($"{name}:\n{problems}");
    }
}
