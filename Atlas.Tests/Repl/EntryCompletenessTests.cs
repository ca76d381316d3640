using Atlas.Repl.Repl;

namespace Atlas.Tests.Repl;

/// <summary>When an entry continues on the next line (repl.md "Input"), and how piped input is split into entries.</summary>
[TestClass]
public sealed class EntryCompletenessTests
{
    [TestMethod]
    [DataRow("1 + 2", true)]
    [DataRow("let x = 1;", true)]
    [DataRow("fn f() {", false)]
    [DataRow("fn f() {\n  return;\n}", true)]
    [DataRow("print(1,", false)]
    [DataRow("[1, [2,", false)]
    [DataRow("[1, [2]]", true)]
    [DataRow("\"open string", false)]
    [DataRow("\"a { string\"", true)]
    [DataRow("/* open comment", false)]
    [DataRow("/* { */ 1", true)]
    [DataRow("1 // trailing {", true)]
    [DataRow("}", true)]
    [DataRow("", true)]
    [DataRow(":type (", true)]
    public void IsComplete(string text, bool expected) => Assert.AreEqual(expected, EntryCompleteness.IsComplete(text));

    [TestMethod]
    public void PipedInputIsSplitIntoEntries()
    {
        var reader = new PipedEntryReader(new StringReader("let x = 1;\n\nfn f() {\n\n  return;\n}\n:help\nx +\n"));
        Assert.AreEqual("let x = 1;", reader.ReadEntry());
        Assert.AreEqual("fn f() {\n\n  return;\n}", reader.ReadEntry());
        Assert.AreEqual(":help", reader.ReadEntry());
        Assert.AreEqual("x +", reader.ReadEntry());
        Assert.IsNull(reader.ReadEntry());
    }

    [TestMethod]
    public void AnEntryOpenAtTheEndOfInputIsStillSubmitted()
    {
        var reader = new PipedEntryReader(new StringReader("fn f() {\n  return;\n"));
        Assert.AreEqual("fn f() {\n  return;", reader.ReadEntry());
        Assert.IsNull(reader.ReadEntry());
    }
}
