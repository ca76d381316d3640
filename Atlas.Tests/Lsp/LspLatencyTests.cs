using System.Diagnostics;
using System.Text;
using Atlas.Repl.Lsp.Analysis;

namespace Atlas.Tests.Lsp;

/// <summary>
/// Diagnostics latency of <c>atlas lsp</c> for a 2,000-line file: time from sending <c>didChange</c> to receiving its
/// <c>publishDiagnostics</c> (target 100 ms; docs/performance.md has the measurement). The assertion is looser than
/// the target so that a loaded CI machine does not fail it; the measured value is printed.
/// </summary>
[TestClass]
public sealed class LspLatencyTests
{
    public TestContext TestContext { get; set; } = null!;

    internal static string TwoThousandLines(int variant)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length == 0 || CountLines(text) < 2000; i++)
        {
            text.Append($"fn step{i}(a: number, b: number) -> number {{\n");
            text.Append($"    let sum = a + b * {i + variant};\n");
            text.Append("    if (sum > 10) {\n        return sum - 1;\n    }\n");
            text.Append($"    let items = [a, b, sum];\n    return items.len() + len(\"x{i}\");\n}}\n");
            text.Append($"print(step{i}(1, 2));\n\n");
        }
        return text.ToString();
    }

    private static int CountLines(StringBuilder text)
    {
        var lines = 0;
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lines++;
        return lines;
    }

    [TestMethod]
    public void DiagnosticsForATwoThousandLineFileArriveQuickly()
    {
        using var client = new LspClient();
        client.Initialize();
        client.Open(TwoThousandLines(0));
        Assert.IsEmpty(client.Diagnostics(version: 1));
        var times = new List<double>();
        for (var version = 2; version <= 12; version++)
        {
            var text = TwoThousandLines(version);
            // Every other change introduces an error, so each measurement publishes a different result.
            if (version % 2 == 0) text += "let broken: number = \"s\";\n";
            var clock = Stopwatch.StartNew();
            client.Change(text, version);
            var diagnostics = client.Diagnostics(version: version);
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.AreEqual(version % 2 == 0 ? 1 : 0, diagnostics.Count);
        }
        // The first changes include JIT warm-up of the analysis code; an editor session is past that after a few edits.
        var median = times.Skip(3).Order().ElementAt((times.Count - 3) / 2);
        var all = string.Join(", ", times.Select(t => t.ToString("F0")));
        TestContext.WriteLine($"2,000-line didChange -> publishDiagnostics: median {median:F1} ms, all: {all} ms");
        Assert.IsLessThan(1000.0, median, "diagnostics latency");
    }

    [TestMethod]
    public void AnalysingATwoThousandLineFileCostsLittleCpu()
    {
        for (var i = 0; i < 3; i++) DocumentAnalysis.Analyze(TwoThousandLines(i)); // warm-up
        var texts = Enumerable.Range(10, 10).Select(TwoThousandLines).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var text in texts) Assert.IsEmpty(DocumentAnalysis.Analyze(text).Diagnostics);
        var wall = clock.Elapsed.TotalMilliseconds / texts.Count;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / texts.Count;
        TestContext.WriteLine($"analysis of a 2,000-line file: {wall:F1} ms wall, {used:F1} ms CPU (all threads) per version");
        Assert.IsLessThan(1000.0, wall);
    }
}
