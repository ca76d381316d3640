using Atlas.Diagnostics;

namespace Atlas.Tests.Syntax;

[TestClass]
public sealed class SourceTextTests
{
    [TestMethod]
    [DataRow("abc", 0, 1, 1)]
    [DataRow("abc", 2, 1, 3)]
    [DataRow("abc", 3, 1, 4)]
    [DataRow("ab\ncd", 3, 2, 1)]
    [DataRow("ab\ncd", 4, 2, 2)]
    [DataRow("ab\ncd", 2, 1, 3)]
    [DataRow("ab\r\ncd", 4, 2, 1)]
    [DataRow("a\n\n\nb", 4, 4, 1)]
    [DataRow("x\n", 2, 2, 1)]
    [DataRow("😀x", 2, 1, 2)]
    [DataRow("a😀😀b", 5, 1, 4)]
    [DataRow("q\n\t😀é", 6, 2, 4)]
    [DataRow("a\rb", 2, 1, 3)]
    public void LineAndColumn(string text, int offset, int line, int column)
    {
        Assert.AreEqual((line, column), new SourceText(text).GetLineColumn(offset));
    }

    [TestMethod]
    public void OffsetsOutsideTheTextAreClamped()
    {
        var source = new SourceText("ab\ncd");
        Assert.AreEqual((1, 1), source.GetLineColumn(-5));
        Assert.AreEqual((2, 3), source.GetLineColumn(99));
    }

    [TestMethod]
    public void ByteOrderMarkDoesNotCountAsAColumn()
    {
        var source = new SourceText("\uFEFFlet x;\nlet y;");
        Assert.AreEqual((1, 1), source.GetLineColumn(1));
        Assert.AreEqual((1, 5), source.GetLineColumn(5));
        Assert.AreEqual("let x;", source.GetLineText(1));
        Assert.AreEqual((2, 1), source.GetLineColumn(8));
    }

    [TestMethod]
    public void LineTextWithoutLineBreaks()
    {
        var source = new SourceText("first\r\nsecond\n\nlast\r");
        Assert.AreEqual(4, source.LineCount);
        Assert.AreEqual("first", source.GetLineText(1));
        Assert.AreEqual("second", source.GetLineText(2));
        Assert.AreEqual("", source.GetLineText(3));
        Assert.AreEqual("last", source.GetLineText(4));
        Assert.AreEqual(7, source.GetLineStart(2));
    }

    [TestMethod]
    public void TrailingNewlineStartsAnEmptyLastLine()
    {
        var source = new SourceText("x;\n");
        Assert.AreEqual(2, source.LineCount);
        Assert.AreEqual("", source.GetLineText(2));
    }

    [TestMethod]
    public void EmptyText()
    {
        var source = new SourceText("");
        Assert.AreEqual(1, source.LineCount);
        Assert.AreEqual("", source.GetLineText(1));
        Assert.AreEqual((1, 1), source.GetLineColumn(0));
    }

    [TestMethod]
    public void LineNumbersOutOfRangeAreRejected()
    {
        var source = new SourceText("a\nb");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => source.GetLineText(0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => source.GetLineText(3));
    }
}
