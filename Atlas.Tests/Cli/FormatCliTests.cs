using Atlas.Repl.Cli;
using Atlas.Tests.Support;

namespace Atlas.Tests.Cli;

/// <summary><c>atlas fmt</c>: rewriting files and folders, <c>--check</c>, stdin, syntax errors and bad paths.</summary>
[TestClass]
public sealed class FormatCliTests
{
    private static (int Code, string Out, string Err) Fmt(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CliApp(stdout, stderr) { FormatInput = new StringReader(stdin) }.Invoke(["fmt", .. args]);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private static string TempFolder() => TempFiles.NewDirectory("atlas-fmt-");

    [TestMethod]
    public void StdinToStdout()
    {
        var (code, stdout, stderr) = Fmt("let x=1", "-");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("let x = 1;\n", stdout);
    }

    [TestMethod]
    public void RewritesEveryAtlFileBelowAFolder()
    {
        var dir = TempFolder();
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "a.atl"), "print(1)");
        File.WriteAllText(Path.Combine(dir, "sub", "b.atl"), "print( 2 );\n");
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "print( 3 )");
        var (code, _, stderr) = Fmt("", dir);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("print(1);\n", File.ReadAllText(Path.Combine(dir, "a.atl")));
        Assert.AreEqual("print(2);\n", File.ReadAllText(Path.Combine(dir, "sub", "b.atl")));
        Assert.AreEqual("print( 3 )", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Directory.Delete(dir, true);
    }

    [TestMethod]
    public void CheckListsFilesThatWouldChangeAndChangesNothing()
    {
        var dir = TempFolder();
        var messy = Path.Combine(dir, "messy.atl");
        var tidy = Path.Combine(dir, "tidy.atl");
        File.WriteAllText(messy, "print(1+2);\n");
        File.WriteAllText(tidy, "print(1 + 2);\n");
        var (code, stdout, _) = Fmt("", "--check", dir);
        Assert.AreEqual(1, code);
        Assert.AreEqual($"{messy}\n", stdout);
        Assert.AreEqual("print(1+2);\n", File.ReadAllText(messy));
        Assert.AreEqual(0, Fmt("", "--check", tidy).Code);
        Directory.Delete(dir, true);
    }

    [TestMethod]
    public void SyntaxErrorsAreReportedAndTheFileIsLeftAlone()
    {
        var dir = TempFolder();
        var bad = Path.Combine(dir, "bad.atl");
        File.WriteAllText(bad, "let x = ;\n");
        var (code, _, stderr) = Fmt("", bad);
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(stderr, $"{bad}:1:9: error[AT");
        Assert.AreEqual("let x = ;\n", File.ReadAllText(bad));
        Directory.Delete(dir, true);
    }

    [TestMethod]
    public void MissingPathIsAUsageErrorAndNothingIsWritten()
    {
        var dir = TempFolder();
        var file = Path.Combine(dir, "a.atl");
        File.WriteAllText(file, "print(1+2);\n");
        var (code, _, stderr) = Fmt("", file, Path.Combine(dir, "missing.atl"));
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "cannot read");
        Assert.AreEqual("print(1+2);\n", File.ReadAllText(file));
        Assert.AreEqual(2, Fmt("").Code, "no path at all");
        Directory.Delete(dir, true);
    }
}
