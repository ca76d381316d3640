using System.Diagnostics;
using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Tests.Diagnostics;

/// <summary>Rendering of source snippets, in particular on very long lines (found by fuzzing: rendering was quadratic).</summary>
[TestClass]
public sealed class DiagnosticRendererTests
{
    private static string Render(string source, TextSpan span) =>
        new DiagnosticRenderer(new SourceText(source), "f.atl").Render(Diagnostic.Create(DiagnosticId.ExpectedExpression, span));

    [TestMethod]
    public void ShortLinesAreShownWhole() =>
        Assert.AreEqual("f.atl:2:5: error[AT1000]: Expected expression\n 2 | let  x = ;\n   |     ^^\n",
            Render("// c\nlet \tx = ;", new TextSpan(9, 11)));

    [TestMethod]
    public void LongLinesAreShownAsAWindowAroundTheProblem()
    {
        var source = "let x = " + new string('a', 1000) + " @ " + new string('b', 1000) + ";";
        var lines = Render(source, new TextSpan(1009, 1010)).Split('\n');
        Assert.AreEqual("f.atl:1:1010: error[AT1000]: Expected expression", lines[0]);
        Assert.AreEqual(" 1 | ..." + new string('a', 59) + " @ " + new string('b', 138) + "...", lines[1]);
        Assert.AreEqual("   | " + new string(' ', 63) + "^", lines[2]);
    }

    [TestMethod]
    public void WindowsDoNotSplitSurrogatePairsAndCountScalars()
    {
        var source = string.Concat(Enumerable.Repeat("🌍", 300)) + "@";
        var lines = Render(source, new TextSpan(600, 601)).Split('\n');
        Assert.AreEqual("f.atl:1:301: error[AT1000]: Expected expression", lines[0]);
        Assert.AreEqual(" 1 | ..." + string.Concat(Enumerable.Repeat("🌍", 30)) + "@", lines[1]);
        Assert.AreEqual("   | " + new string(' ', 33) + "^", lines[2]);
    }

    [TestMethod]
    public void ManyDiagnosticsOnOneHugeLineRenderInLinearTime()
    {
        // 100,000 unexpected characters on one line: this used to print 6 GB (every snippet held the whole line).
        var source = new string('@', 100_000);
        var diagnostics = Parser.Parse(source).Diagnostics;
        Assert.HasCount(100_000, diagnostics);
        var renderer = new DiagnosticRenderer(new SourceText(source), "f.atl");
        var clock = Stopwatch.StartNew();
        long chars = diagnostics.Sum(d => (long)renderer.Render(d).Length);
        Assert.IsLessThan(50_000_000, chars);
        Assert.IsLessThan(30, clock.Elapsed.TotalSeconds);
    }
}
