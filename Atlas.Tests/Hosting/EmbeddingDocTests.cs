namespace Atlas.Tests.Hosting;

/// <summary>docs/embedding.md shows exactly the example files, which EmbeddingExamplesTests compile and run.</summary>
[TestClass]
public sealed class EmbeddingDocTests
{
    [TestMethod]
    public void EveryExampleFileIsInTheDocumentWithItsOutput()
    {
        Assert.IsGreaterThanOrEqualTo(6, EmbeddingDoc.ExampleFiles.Count);
        foreach (var file in EmbeddingDoc.ExampleFiles)
            Assert.IsFalse(string.IsNullOrEmpty(EmbeddingDoc.OutputOf(file)), file);
    }

    [TestMethod]
    public void EveryCSharpBlockOfTheDocumentIsAnExampleFile()
    {
        var examples = EmbeddingDoc.ExampleFiles.Select(EmbeddingDoc.Read).ToHashSet();
        foreach (var (language, content) in EmbeddingDoc.Blocks())
            if (language == "csharp") Assert.Contains(content, examples, "untested code in docs/embedding.md:\n" + content);
    }
}
