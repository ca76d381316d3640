using System.Text.RegularExpressions;
using Atlas.Repl.Cli;
using Atlas.Vm;

namespace Atlas.Tests.Support;

/// <summary>
/// Runs one corpus program through the same path as <c>atlas run</c> and compares it with its expectation files:
/// <c>NAME.out</c> (exact stdout) and <c>NAME.err</c> (diagnostic codes in order, each optionally <c>@LINE:COL</c>).
/// Shared with Atlas.Jit.Tests, which runs the corpus again with the JIT at threshold 1.
/// </summary>
internal static partial class CorpusRunner
{
    public static string CorpusRoot => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<object[]> Cases() =>
        Directory.Exists(CorpusRoot)
            ? Directory.EnumerateFiles(CorpusRoot, "*.atl", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(CorpusRoot, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new object[] { f })
            : [];

    [GeneratedRegex(@"^(?<file>.*?):(?<line>\d+):(?<col>\d+): (?:error|warning)\[(?<code>AT\d{4})\]: ", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    /// <summary>
    /// Runs the case and returns a description of every mismatch (empty when it passes). With
    /// <paramref name="programOverride"/>, that file runs instead of the corpus program (a reformatted copy) against the
    /// case's expectations, and diagnostic positions are not compared (the layout moved them).
    /// </summary>
    public static string Check(string relativePath, Func<RunOptions, ITieringHook?>? tiering = null, RunOptions? options = null,
        string? programOverride = null)
    {
        var path = Path.Combine(CorpusRoot, relativePath);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var runner = new ProgramRunner(stdout, stderr) { TieringFactory = tiering };
        runner.Run(programOverride ?? path, options ?? new RunOptions { JitEnabled = tiering != null });

        var problems = new List<string>();
        var expectedOutPath = Path.ChangeExtension(path, ".out");
        var expectedOut = File.Exists(expectedOutPath) ? File.ReadAllText(expectedOutPath).ReplaceLineEndings("\n") : "";
        var actualOut = stdout.ToString().ReplaceLineEndings("\n");
        if (actualOut != expectedOut)
            problems.Add($"stdout differs.\n--- expected ---\n{expectedOut}\n--- actual ---\n{actualOut}");

        var expectedErrPath = Path.ChangeExtension(path, ".err");
        var expected = File.Exists(expectedErrPath)
            ? File.ReadAllLines(expectedErrPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
            : new List<string>();
        var actual = DiagnosticLine().Matches(stderr.ToString())
            .Select(m => (Code: m.Groups["code"].Value, Pos: $"{m.Groups["line"].Value}:{m.Groups["col"].Value}"))
            .ToList();
        bool same = expected.Count == actual.Count;
        for (int i = 0; same && i < expected.Count; i++)
        {
            var parts = expected[i].Split('@', 2, StringSplitOptions.TrimEntries);
            same = parts[0] == actual[i].Code && (parts.Length == 1 || programOverride != null || parts[1] == actual[i].Pos);
        }
        if (!same)
            problems.Add($"diagnostics differ.\n--- expected ---\n{string.Join("\n", expected)}\n--- actual ---\n"
                         + string.Join("\n", actual.Select(a => $"{a.Code} @{a.Pos}")) + $"\n--- stderr ---\n{stderr}");
        if (stderr.ToString().Contains("internal error")) problems.Add("internal error:\n" + stderr);
        return string.Join("\n\n", problems);
    }
}
