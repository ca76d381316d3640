using Atlas.Tests.Support;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// Every input that ever crashed or hung (minimised, in FuzzCorpus/) still ends in success, diagnostics or an Atlas
/// runtime error. The harness runs them on a 1 MB stack: most of these bugs were stack overflows that a big stack hides.
/// </summary>
[TestClass]
public sealed class FuzzCorpusTests
{
    private static readonly FuzzHarness Harness = new() { StackBytes = SmallStack.Bytes };

    public static string CorpusRoot => Path.Combine(AppContext.BaseDirectory, "FuzzCorpus");

    public static IEnumerable<object[]> Cases() =>
        Directory.EnumerateFiles(CorpusRoot, "*.atl")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f! });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void NoBug(string file)
    {
        var result = Harness.Run(FuzzCorpusText.Decode(File.ReadAllText(Path.Combine(CorpusRoot, file))));
        Assert.AreNotEqual(FuzzOutcome.Bug, result.Outcome, $"{file}: {result.Detail}");
    }

    [TestMethod]
    public void CorpusIsPresent() => Assert.IsGreaterThan(10, Cases().Count(), "FuzzCorpus was not copied to the test output");
}
