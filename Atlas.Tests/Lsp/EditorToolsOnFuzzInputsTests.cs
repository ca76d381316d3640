using Atlas.Formatting;
using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Features;
using Atlas.Tests.Fuzz;
using Atlas.Tests.Support;

namespace Atlas.Tests.Lsp;

/// <summary>
/// The formatter and every language-server feature on each input that ever crashed or hung the front end
/// (FuzzCorpus/: very long chains, deep nesting, huge lines), on a 1 MB stack: an answer, never a crash; the formatter
/// never fails to prove its output equivalent and is idempotent.
/// </summary>
[TestClass]
public sealed class EditorToolsOnFuzzInputsTests
{
    public static IEnumerable<object[]> Cases() => FuzzCorpusTests.Cases();

    private static string Read(string file) => FuzzCorpusText.Decode(File.ReadAllText(Path.Combine(FuzzCorpusTests.CorpusRoot, file)));

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void FormatterAnswers(string file)
    {
        var text = Read(file);
        var result = SmallStack.Run(() => Formatter.Format(text));
        Assert.IsNull(result.InternalError, file);
        if (!result.Success) return;
        Assert.AreEqual(result.Text, SmallStack.Run(() => Formatter.Format(result.Text)).Text, $"{file}: not idempotent");
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void LanguageServerFeaturesAnswer(string file)
    {
        var text = Read(file);
        var count = SmallStack.Run(() =>
        {
            var doc = DocumentAnalysis.Analyze(text);
            foreach (var offset in new[] { 0, text.Length / 3, text.Length / 2, text.Length })
            {
                HoverProvider.Hover(doc, offset);
                NavigationProvider.References(doc, "file:///f.atl", offset, true);
                RenameProvider.Rename(doc, offset, "renamed");
                SignatureHelpProvider.Help(doc, offset);
                CompletionProvider.Complete(doc, offset);
                CallHierarchyProvider.Prepare(doc, "file:///f.atl", offset);
            }
            DocumentSymbolProvider.Symbols(doc);
            FoldingProvider.Ranges(doc);
            InlayHintProvider.Hints(doc, 0, text.Length);
            CodeActionProvider.Actions(doc, "file:///f.atl", 0, text.Length);
            return SemanticTokenProvider.Tokens(doc).Data.Length;
        });
        Assert.AreEqual(0, count % 5, file);
    }
}
