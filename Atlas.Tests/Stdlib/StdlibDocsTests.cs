using Atlas.Stdlib;
using Atlas.Tests.Support;

namespace Atlas.Tests.Stdlib;

/// <summary>docs/stdlib.md documents every registered builtin with its current summary.</summary>
[TestClass]
public sealed class StdlibDocsTests
{
    private static readonly Lazy<string> Docs =
        new(() => File.ReadAllText(RepositoryRoot.Combine("docs", "stdlib.md")).ReplaceLineEndings("\n"));

    [TestMethod]
    public void EveryBuiltinIsDocumentedWithItsSignature()
    {
        var missing = BuiltinRegistry.All.Where(d => !Docs.Value.Contains($"- `{d.Name}(", StringComparison.Ordinal)).Select(d => d.Name).ToList();
        Assert.IsEmpty(missing, "not in docs/stdlib.md: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void EveryDocumentedSummaryMatchesTheRegistry()
    {
        var stale = BuiltinRegistry.All.Where(d => !Docs.Value.Contains($" — {d.Summary}\n", StringComparison.Ordinal)).Select(d => d.Name).ToList();
        Assert.IsEmpty(stale, "summary differs from the registry: " + string.Join(", ", stale));
    }

    [TestMethod]
    public void EveryWriteBackBuiltinIsMarked()
    {
        foreach (var name in BuiltinNames.WriteBacks.Keys)
        {
            int at = Docs.Value.IndexOf($"- `{name}(", StringComparison.Ordinal);
            var line = Docs.Value[at..Docs.Value.IndexOf('\n', at)];
            Assert.Contains("*(write-back)*", line, name);
        }
    }
}
