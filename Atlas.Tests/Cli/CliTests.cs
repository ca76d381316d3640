using Atlas.Repl.Cli;
using Atlas.Tests.Support;

namespace Atlas.Tests.Cli;

/// <summary>The <c>atlas</c> command: exit codes, diagnostic layout on stderr, help and usage errors (in process).</summary>
[TestClass]
public sealed class CliTests
{
    private static (int Code, string Out, string Err) Atlas(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(stdout, stderr).Invoke(args);
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private static string WriteProgram(string source) => TempFiles.NewFile("atlas-cli-", ".atl", source);

    [TestMethod]
    [DataRow("run", "prog.atl")]
    [DataRow("run", "--no-jit", "prog.atl")]
    [DataRow("run", "dir/sub dir/prog.atl")]
    [DataRow("run", "--no-jit", "run")]
    public void TheQuickRunPathGivesWhatTheParserGives(params string[] args)
    {
        var quick = CliApp.QuickRun(args);
        var parsed = new CliApp(TextWriter.Null, TextWriter.Null).ParseRun(args);
        Assert.IsNotNull(quick);
        Assert.IsNotNull(parsed);
        Assert.AreEqual(parsed.Value.Path, quick.Value.Path);
        Assert.AreEqual(parsed.Value.Options, quick.Value.Options, "every option at the parser's default");
    }

    [TestMethod]
    [DataRow("run", "-prog.atl")]
    [DataRow("run", "@args.rsp")]
    [DataRow("run", "--jit-stats", "prog.atl")]
    [DataRow("run", "prog.atl", "--no-jit")]
    [DataRow("run", "--help")]
    [DataRow("check", "prog.atl")]
    [DataRow("run", "")]
    public void EveryOtherCommandLineGoesThroughTheParser(params string[] args) => Assert.IsNull(CliApp.QuickRun(args));

    [TestMethod]
    public void StartedIsCalledOnceForTheQuickPathAndForParsedCommands()
    {
        var path = WriteProgram("print(1);\n");
        foreach (var args in (string[][])[["run", path], ["run", "--jit-stats", path], ["check", path]])
        {
            int started = 0;
            var app = new CliApp(new StringWriter(), new StringWriter()) { Started = () => started++ };
            Assert.AreEqual(0, app.Invoke(args));
            Assert.AreEqual(1, started, string.Join(" ", args));
        }
    }

    [TestMethod]
    public void RunPrintsOutputAndExitsZero()
    {
        var path = WriteProgram("print(\"hi\");\nprint(1 + 2);\n");
        var (code, stdout, stderr) = Atlas("run", path);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("hi\n3\n", stdout);
        Assert.AreEqual("", stderr);
    }

    [TestMethod]
    public void CompletionValueIsPrinted()
    {
        var path = WriteProgram("fn f() -> number { return 55; }\nf();\n");
        Assert.AreEqual("55\n", Atlas("run", path).Out);
    }

    [TestMethod]
    public void RuntimeErrorHasLocationCaretAndCallStack()
    {
        var path = WriteProgram("fn inner(x: number) -> number {\n    return x / 0;\n}\n"
            + "fn outer() -> number { return inner(1); }\nprint(\"before\");\nouter();\n");
        var (code, stdout, stderr) = Atlas("run", path);
        Assert.AreEqual(1, code);
        Assert.AreEqual("before\n", stdout);
        var lines = stderr.Split('\n');
        Assert.AreEqual($"{path}:2:12: error[AT0005]: Divide by zero", lines[0]);
        Assert.AreEqual(" 2 |     return x / 0;", lines[1]);
        Assert.AreEqual("   |            ^^^^^", lines[2]);
        Assert.AreEqual($"  at inner ({path}:2:12)", lines[3]);
        Assert.AreEqual($"  at outer ({path}:4:31)", lines[4]);
        Assert.AreEqual($"  at <script> ({path}:6:1)", lines[5]);
    }

    [TestMethod]
    public void CompileErrorExitsOneWithoutRunning()
    {
        var path = WriteProgram("print(\"x\");\nlet x: number = \"hello\";\n");
        var (code, stdout, stderr) = Atlas("run", path);
        Assert.AreEqual(1, code);
        Assert.AreEqual("", stdout);
        StringAssert.StartsWith(stderr, $"{path}:2:");
        StringAssert.Contains(stderr, "error[AT3001]: Type mismatch: expected number, found string");
    }

    [TestMethod]
    public void WarningsDoNotStopARunUnlessDenied()
    {
        var path = WriteProgram("fn f() -> number {\n    let unused = 42;\n    return 1;\n}\nprint(f());\n");
        var (code, stdout, stderr) = Atlas("run", path);
        Assert.AreEqual(0, code);
        Assert.AreEqual("1\n", stdout);
        StringAssert.Contains(stderr, $"{path}:2:9: warning[AT2001]: Unused variable 'unused'");
        var denied = Atlas("run", "--deny-warnings", path);
        Assert.AreEqual(1, denied.Code);
        Assert.AreEqual("", denied.Out);
    }

    [TestMethod]
    public void CheckReportsWithoutRunning()
    {
        var path = WriteProgram("print(\"side effect\");\n");
        var (code, stdout, _) = Atlas("check", path);
        Assert.AreEqual(0, code);
        Assert.AreEqual("", stdout);
        Assert.AreEqual(1, Atlas("check", WriteProgram("let x = ;\n")).Code);
    }

    [TestMethod]
    public void DisasmPrintsEveryFunction()
    {
        var (code, stdout, _) =
            Atlas("disasm", WriteProgram("fn add(a: number, b: number) -> number { return a + b; }\nprint(add(1, 2));\n"));
        Assert.AreEqual(0, code);
        StringAssert.Contains(stdout, "== <script>");
        StringAssert.Contains(stdout, "== add arity=2");
        StringAssert.Contains(stdout, "Add");
    }

    [TestMethod]
    public void MissingFileIsAUsageError()
    {
        var (code, _, stderr) = Atlas("run", "/no/such/file.atl");
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "cannot read '/no/such/file.atl'");
    }

    [TestMethod]
    public void UnknownOptionIsAUsageError()
    {
        var (code, _, stderr) = Atlas("run", "x.atl", "--frobnicate");
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "--frobnicate");
    }

    [TestMethod]
    public void BadThresholdIsAUsageError() => Assert.AreEqual(2, Atlas("run", "--jit-threshold", "0", "x.atl").Code);

    [TestMethod]
    public void HelpListsTheCommandsAndOptions()
    {
        var (code, stdout, _) = Atlas("--help");
        Assert.AreEqual(0, code);
        foreach (var word in new[] { "run", "check", "disasm" }) StringAssert.Contains(stdout, word);
        var run = Atlas("run", "--help").Out;
        var options = new[] { "--no-jit", "--jit-threshold", "--jit-sync", "--jit-stats", "--deny-warnings", "--timeout", "--max-depth" };
        foreach (var opt in options) StringAssert.Contains(run, opt);
    }

    [TestMethod]
    public void DeepRecursionRunsAndRunawayRecursionStopsCleanly()
    {
        var deep = WriteProgram(
            "fn sum(n: number) -> number {\n    if (n == 0) { return 0; }\n    return n + sum(n - 1);\n}\nprint(sum(100000));\n");
        var ok = Atlas("run", "--no-jit", deep);
        Assert.AreEqual(0, ok.Code, ok.Err);
        Assert.AreEqual("5000050000\n", ok.Out);

        var runaway = WriteProgram("fn down(n: number) -> number {\n    return down(n + 1);\n}\ndown(0);\n");
        var (code, _, stderr) = Atlas("run", "--no-jit", runaway);
        Assert.AreEqual(1, code);
        StringAssert.Contains(stderr, "error[AT0008]: Stack overflow: call depth exceeded 200000");
        StringAssert.Contains(stderr, "more frames");
    }

    [TestMethod]
    public void TimeoutStopsAnInfiniteLoop()
    {
        var path = WriteProgram("var i = 0;\nwhile (true) { i = i + 1; }\n");
        var (code, _, stderr) = Atlas("run", "--no-jit", "--timeout", "0.2", path);
        Assert.AreEqual(1, code);
        StringAssert.Contains(stderr, "error[AT0009]: Execution timed out after 0.2 s");
    }

    [TestMethod]
    [DataRow("var s = \"ab\";\nwhile (true) { s = s + s; }\n")]
    [DataRow("var a = [0];\nwhile (true) { a = concat(a, a); }\n")]
    [DataRow("var keep = [];\nwhile (true) { keep.push(repeat(\"x\", 100000)); }\n")]
    public void MemoryHungryProgramsStopWithAT0011(string program)
    {
        var (code, _, stderr) = Atlas("run", "--no-jit", "--max-memory", "256", WriteProgram(program));
        Assert.AreEqual(1, code, stderr);
        StringAssert.Contains(stderr, "error[AT0011]: Memory limit exceeded");
    }

    [TestMethod]
    public void BadMemoryLimitIsAUsageError() => Assert.AreEqual(2, Atlas("run", "--max-memory", "1", "x.atl").Code);
}
