using Atlas.Hosting;
using Atlas.Repl.Cli;
using Atlas.Tests.Support;

namespace Atlas.Tests.Cli;

/// <summary><c>atlas run</c> grants every file and the environment unless --sandbox or an --allow-* option narrows it.</summary>
[TestClass]
public sealed class CliPermissionTests
{
    private string _dir = "";
    private string _program = "";

    [TestInitialize]
    public void Setup()
    {
        _dir = RealPath.Resolve(TempFiles.NewDirectory("atlas-cliperm-"));
        Directory.CreateDirectory(Path.Combine(_dir, "in"));
        Directory.CreateDirectory(Path.Combine(_dir, "out"));
        File.WriteAllText(Path.Combine(_dir, "in", "a.txt"), "data");
        _program = Path.Combine(_dir, "p.atl");
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(string source, params string[] options)
    {
        File.WriteAllText(_program, source.Replace("DIR", _dir));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr).Invoke(["run", .. options, _program]);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private const string ReadWriteEnv =
        "print(readFile(\"DIR/in/a.txt\"));\nwriteFile(\"DIR/out/b.txt\", \"x\");\nprint(getEnv(\"PATH\") != null);\n";

    [TestMethod]
    public void EverythingIsGrantedByDefault()
    {
        var (code, stdout, stderr) = Run(ReadWriteEnv);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("data\ntrue\n", stdout);
    }

    [TestMethod]
    public void SandboxGrantsNothing()
    {
        var (code, stdout, stderr) = Run(ReadWriteEnv, "--sandbox");
        Assert.AreEqual(1, code);
        Assert.AreEqual("", stdout);
        Assert.StartsWith($"{_program}:1:7: error[AT0300]: Permission denied: read access to {_dir}/in/a.txt\n", stderr);
    }

    [TestMethod]
    public void EachAllowOptionGrantsItsOwnKind()
    {
        var (code, stdout, stderr) = Run(ReadWriteEnv, $"--allow-read={_dir}/in");
        Assert.AreEqual(1, code);
        Assert.AreEqual("data\n", stdout);
        Assert.Contains($"error[AT0300]: Permission denied: write access to {_dir}/out/b.txt", stderr);

        (code, stdout, stderr) = Run(ReadWriteEnv, $"--allow-read={_dir}/in", "--allow-write", $"{_dir}/out");
        Assert.AreEqual(1, code);
        Assert.Contains("error[AT0303]: Permission denied: environment variable PATH", stderr);
        Assert.IsTrue(File.Exists(Path.Combine(_dir, "out", "b.txt")));

        (code, stdout, stderr) = Run(ReadWriteEnv, $"--allow-read={_dir}/in", $"--allow-write={_dir}/out", "--allow-env");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("data\ntrue\n", stdout);
    }

    [TestMethod]
    public void AnEscapeThroughDotDotIsRefused()
    {
        var (code, _, stderr) = Run("print(readFile(\"DIR/in/../p.atl\"));", $"--allow-read={_dir}/in");
        Assert.AreEqual(1, code);
        Assert.Contains($"Permission denied: read access to {_program}", stderr);
    }

    [TestMethod]
    public void TheFsHelpersFollowTheSameOptions()
    {
        const string Source = "fsMkdirp(\"DIR/out/x/y\");\nprint(fsWalk(\"DIR/out\"));\n";
        var (code, stdout, stderr) = Run(Source, $"--allow-read={_dir}/out", $"--allow-write={_dir}/out");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("[x, x/y]\n", stdout);

        (code, stdout, stderr) = Run(Source.Replace("x/y", "z"), $"--allow-write={_dir}/out");
        Assert.AreEqual(1, code);
        Assert.AreEqual("", stdout);
        Assert.StartsWith($"{_program}:2:7: error[AT0300]: Permission denied: read access to {_dir}/out\n", stderr);
        Assert.IsTrue(Directory.Exists(Path.Combine(_dir, "out", "z")));
    }
}
