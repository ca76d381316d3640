using System.Runtime.CompilerServices;

namespace Atlas.Tests.Support;

/// <summary>
/// Checked-in expected text (golden files) for output that is read by people: the disassembler, the compiled-tree printer.
/// A test compares its output with <c>Golden/&lt;kind&gt;/&lt;name&gt;.txt</c> beside its source file; with
/// <c>ATLAS_UPDATE_GOLDEN=1</c> it writes the file instead (review the diff before committing it).
/// </summary>
public static class GoldenFile
{
    /// <summary>Set to 1 to rewrite golden files from the current output.</summary>
    public const string UpdateVariable = "ATLAS_UPDATE_GOLDEN";

    /// <summary>The ten corpus programs whose disassembly and compiled trees are kept as golden files.</summary>
    public static readonly string[] Programs =
    [
        "bench/fib.atl", "bench/loop.atl", "bench/sieve.atl", "bench/nbody.atl", "bench/sort.atl", "bench/strings.atl",
        "bench/mandelbrot.atl", "closures/make_scaler.atl", "closures/closure_recursion.atl", "functions/early_return.atl",
    ];

    public static IEnumerable<object[]> Cases => Programs.Select(p => new object[] { p });

    /// <summary>
    /// The directory of the test's source file on this machine. A Release build maps source paths to <c>/_/</c>
    /// (<c>ContinuousIntegrationBuild</c> in Directory.Build.props), which is resolved against the checkout that holds the
    /// test assembly (the first directory above it with Atlas.sln).
    /// </summary>
    private static string SourceDirectory(string testFile)
    {
        const string mapped = "/_/";
        if (!testFile.StartsWith(mapped, StringComparison.Ordinal)) return Path.GetDirectoryName(testFile)!;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Atlas.sln")))
                return Path.GetDirectoryName(Path.Combine(dir.FullName, testFile[mapped.Length..]))!;
        return Path.GetDirectoryName(testFile)!;
    }

    /// <summary>Compares <paramref name="actual"/> with the golden file of <paramref name="program"/> (or rewrites it).</summary>
    public static void Check(string kind, string program, string actual, [CallerFilePath] string testFile = "")
    {
        actual = actual.ReplaceLineEndings("\n");
        var path = Path.Combine(SourceDirectory(testFile), "Golden", kind, program.Replace('/', '_').Replace(".atl", ".txt"));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.IsTrue(File.Exists(path), $"no golden file {path}: run the tests once with {UpdateVariable}=1 and review it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        Assert.Fail($"{program}: output differs from {path} at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n" +
            $"  actual:   {(line < a.Length ? a[line] : "<end>")}\n(set {UpdateVariable}=1 to accept the new output)");
    }
}
