using Atlas.Hosting;
using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Features;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Tests.Support;

namespace Atlas.Tests.Lsp;

/// <summary>
/// The language server's analysis in process: the same diagnostics as <c>atlas check</c> for every corpus program,
/// and sensible (empty, never thrown) answers on broken source and positions outside the text.
/// </summary>
[TestClass]
public sealed class LspAnalysisTests
{
    public static IEnumerable<object[]> Cases => CorpusRunner.Cases();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void DiagnosticsAreTheClis(string file)
    {
        var text = File.ReadAllText(Path.Combine(CorpusRunner.CorpusRoot, file));
        var cli = Pipeline.Compile(text).Diagnostics.Select(d => (d.Code, d.Message, d.Span, d.IsError)).ToList();
        var lsp = DocumentAnalysis.Analyze(text).Diagnostics.Select(d => (d.Code, d.Message, d.Span, d.IsError)).ToList();
        CollectionAssert.AreEqual(cli, lsp, file);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("let = ;")]
    [DataRow("fn f(a: number { return a; }\nf(")]
    [DataRow("match 1 { 1 => ")]
    [DataRow("let s = \"unterminated")]
    [DataRow("/* open comment")]
    [DataRow("let x = [1, 2\nprint(x.")]
    [DataRow("fn g<T>(x: T) -> T { return x; }\nlet y = g(1);\ny.")]
    public void EveryFeatureAnswersOnBrokenSourceAndOutOfRangePositions(string text)
    {
        var doc = DocumentAnalysis.Analyze(text);
        var pastTheEnd = new[] { doc.Lines.OffsetOf(new Position(999, 999)), doc.Lines.OffsetOf(new Position(0, 999)) };
        foreach (var offset in new[] { 0, text.Length / 2, text.Length }.Concat(pastTheEnd))
        {
            HoverProvider.Hover(doc, offset);
            NavigationProvider.Definition(doc, "file:///x.atl", offset);
            NavigationProvider.References(doc, "file:///x.atl", offset, true);
            RenameProvider.Prepare(doc, offset);
            RenameProvider.Rename(doc, offset, "fresh");
            Assert.IsNotEmpty(CompletionProvider.Complete(doc, offset));
            SignatureHelpProvider.Help(doc, offset);
        }
        DocumentSymbolProvider.Symbols(doc);
        FoldingProvider.Ranges(doc);
        Assert.AreEqual(0, SemanticTokenProvider.Tokens(doc).Data.Length % 5);
        InlayHintProvider.Hints(doc, 0, text.Length);
    }

    [TestMethod]
    public void PositionsAreUtf16AndClampedToTheLine()
    {
        var lines = new LineMap("a\r\n😀b\nlast");
        Assert.AreEqual(new Position(1, 2), lines.PositionOf(5));
        Assert.AreEqual(5, lines.OffsetOf(new Position(1, 2)));
        Assert.AreEqual(1, lines.OffsetOf(new Position(0, 50)), "past the end of a line: its end, before \\r\\n");
        Assert.AreEqual(11, lines.OffsetOf(new Position(7, 0)), "past the last line: the end of the text");
    }

    [TestMethod]
    public void CompletionAfterADotOffersArrayMethods()
    {
        var doc = DocumentAnalysis.Analyze("let xs = [1, 2];\nxs.");
        var labels = CompletionProvider.Complete(doc, doc.Text.Length).Select(i => i.Label).ToList();
        CollectionAssert.Contains(labels, "push");
        CollectionAssert.DoesNotContain(labels, "while");
    }

    [TestMethod]
    public void SignatureHelpWorksWhileTheCallIsUnfinished()
    {
        var doc = DocumentAnalysis.Analyze("fn add(a: number, b: number) -> number { return a + b; }\nlet r = add(1, ");
        var help = SignatureHelpProvider.Help(doc, doc.Text.Length);
        Assert.IsNotNull(help);
        Assert.AreEqual("fn add(a: number, b: number) -> number", help.Signatures[0].Label);
        Assert.AreEqual(1, help.ActiveParameter);
    }

    [TestMethod]
    public void CompletionOffersOnlyNamesDeclaredBeforeTheCursorInEnclosingFunctions()
    {
        const string text = "fn f(p: number) {\n    let early = 1;\n    \n    let late = 2;\n}\nfn g() { let other = 3; }\n";
        var doc = DocumentAnalysis.Analyze(text);
        var labels = CompletionProvider.Complete(doc, text.IndexOf("    \n", StringComparison.Ordinal) + 4).Select(i => i.Label).ToList();
        CollectionAssert.IsSubsetOf(new[] { "p", "early", "f", "g" }, labels);
        CollectionAssert.DoesNotContain(labels, "late");
        CollectionAssert.DoesNotContain(labels, "other");
    }
}
