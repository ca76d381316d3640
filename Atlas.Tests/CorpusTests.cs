using Atlas.Tests.Support;

namespace Atlas.Tests;

/// <summary>Every program under Corpus/ runs interpreted with exactly its expected output and diagnostics.</summary>
[TestClass]
public sealed class CorpusTests
{
    public static IEnumerable<object[]> Cases => CorpusRunner.Cases();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Program(string file)
    {
        var problems = CorpusRunner.Check(file);
        if (problems.Length > 0) Assert.Fail($"{file}:\n{problems}");
    }

    [TestMethod]
    public void CorpusIsPresent() => Assert.IsGreaterThan(10, CorpusRunner.Cases().Count(), "the corpus was not copied to the test output");
}
