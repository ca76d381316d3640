using Atlas.Repl.Cli;
using Atlas.Tests.Support;

namespace Atlas.Tests;

/// <summary>
/// Every module program under ModuleCorpus/ runs through <c>atlas run</c> (interpreted) with its expected output and diagnostics.
/// </summary>
[TestClass]
public sealed class ModuleTests
{
    public static IEnumerable<object[]> Cases => ModuleCorpusRunner.Cases();

    private static readonly Func<string[], (int, string, string)> Atlas = ModuleCorpusRunner.Cli((o, e) => new CliApp(o, e));

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Program(string name)
    {
        var problems = ModuleCorpusRunner.Check(name, Atlas, "--no-jit");
        if (problems.Length > 0) Assert.Fail($"{name}:\n{problems}");
    }

    [TestMethod]
    public void CorpusIsPresent() => Assert.IsGreaterThanOrEqualTo(10, ModuleCorpusRunner.Cases().Count());
}
