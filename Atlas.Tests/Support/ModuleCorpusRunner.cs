using System.Text.RegularExpressions;

namespace Atlas.Tests.Support;

/// <summary>
/// The module programs under ModuleCorpus/: one folder per case, run from its <c>main.atl</c> through the <c>atlas</c>
/// command. <c>main.out</c> is the exact stdout (absent: nothing); <c>main.err</c> lists each diagnostic header as
/// <c>CODE FILE:LINE:COL</c> with FILE relative to the case folder (absent: none, and exit status 0).
/// </summary>
internal static partial class ModuleCorpusRunner
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "ModuleCorpus");

    public static IEnumerable<object[]> Cases() =>
        Directory.Exists(Root) ? Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Order().Select(n => new object[] { n! }) : [];

    /// <summary>
    /// Runs a case with <paramref name="atlas"/> (the command line, returning exit code, stdout and stderr); "" when it passes.
    /// </summary>
    public static string Check(string name, Func<string[], (int Code, string Out, string Err)> atlas, params string[] options)
    {
        var dir = Path.Combine(Root, name);
        var (code, stdout, stderr) = atlas(["run", .. options, Path.Combine(dir, "main.atl")]);
        var problems = new List<string>();
        var outFile = Path.Combine(dir, "main.out");
        var expectedOut = File.Exists(outFile) ? File.ReadAllText(outFile).ReplaceLineEndings("\n") : "";
        if (stdout.ReplaceLineEndings("\n") != expectedOut) problems.Add($"stdout:\n{stdout}\nexpected:\n{expectedOut}");
        var errFile = Path.Combine(dir, "main.err");
        var expectedErr = File.Exists(errFile) ? File.ReadAllLines(errFile).Where(l => l.Length > 0).ToList() : [];
        var actualErr = Header().Matches(stderr)
            .Select(m => $"{m.Groups["code"].Value} {Path.GetRelativePath(dir, m.Groups["file"].Value).Replace('\\', '/')}:{m.Groups["pos"].Value}")
            .ToList();
        if (!actualErr.SequenceEqual(expectedErr)) problems.Add($"diagnostics: [{string.Join(", ", actualErr)}], expected [{string.Join(", ", expectedErr)}]\n{stderr}");
        int expectedCode = expectedErr.Count == 0 ? 0 : 1;
        if (code != expectedCode) problems.Add($"exit code {code}, expected {expectedCode}\n{stderr}");
        return string.Join("\n", problems);
    }

    /// <summary>A command line for <see cref="Check"/> from an <c>atlas</c> app factory (with or without the JIT).</summary>
    public static Func<string[], (int Code, string Out, string Err)> Cli(Func<TextWriter, TextWriter, Atlas.Repl.Cli.CliApp> create) =>
        args =>
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = create(stdout, stderr).Invoke(args);
            return (code, stdout.ToString(), stderr.ToString());
        };

    [GeneratedRegex(@"^(?<file>.+?):(?<pos>\d+:\d+): (?:error|warning)\[(?<code>AT\d+)\]", RegexOptions.Multiline)]
    private static partial Regex Header();
}
