using Atlas.Repl.Repl.LineEditing;
using Atlas.Tests.Support;

namespace Atlas.Tests.Repl.LineEditing;

/// <summary>The history file: one entry per line, multi-line entries intact, most recent last.</summary>
[TestClass]
public sealed class HistoryTests
{
    [TestMethod]
    public void EntriesSurviveASessionIncludingLineBreaksAndBackslashes()
    {
        var path = TempFiles.NewPath("atlas-history-");
        try
        {
            var first = new History(path);
            first.Add("fn f() {\n  return \"a\\nb\";\n}");
            first.Add("f()");
            first.Add("f()");
            first.Add("   ");
            Assert.HasCount(2, File.ReadAllLines(path), "blank entries and repeats are not stored");
            var second = new History(path);
            CollectionAssert.AreEqual(new[] { "fn f() {\n  return \"a\\nb\";\n}", "f()" }, second.Entries.ToArray());
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void OnlyTheMostRecentEntriesAreKept()
    {
        var path = TempFiles.NewPath("atlas-history-");
        try
        {
            File.WriteAllLines(path, Enumerable.Range(0, 2 * History.Capacity + 5).Select(i => $"entry {i}"));
            var history = new History(path);
            Assert.HasCount(History.Capacity, history.Entries);
            Assert.AreEqual($"entry {2 * History.Capacity + 4}", history.Entries[^1]);
            Assert.HasCount(History.Capacity, File.ReadAllLines(path), "the file was compacted");
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    [DataRow("plain")]
    [DataRow("two\nlines")]
    [DataRow("back\\slash\\n not a newline")]
    [DataRow("\\")]
    public void EncodingRoundTrips(string entry)
    {
        var line = History.Encode(entry);
        Assert.DoesNotContain("\n", line);
        Assert.AreEqual(entry, History.Decode(line));
    }
}
