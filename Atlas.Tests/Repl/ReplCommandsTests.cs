using Atlas.Repl.Repl;
using Atlas.Tests.Support;

namespace Atlas.Tests.Repl;

/// <summary>The <c>:</c> commands (repl.md "Commands").</summary>
[TestClass]
public sealed class ReplCommandsTests
{
    [TestMethod]
    public void HelpListsEveryCommand()
    {
        var (go, stdout, _) = new ReplHarness().Command(":help");
        Assert.IsTrue(go);
        string[] commands =
            [":help", ":quit", ":reset", ":load FILE", ":type EXPR", ":disasm NAME", ":jit", ":jit on|off", ":jit threshold N"];
        foreach (var command in commands)
            StringAssert.Contains(stdout, command);
    }

    [TestMethod]
    public void QuitEndsTheSession() => Assert.IsFalse(new ReplHarness().Command(":quit").Continue);

    [TestMethod]
    public void UnknownCommandPointsToHelp()
    {
        var (go, _, stderr) = new ReplHarness().Command(":frobnicate");
        Assert.IsTrue(go);
        Assert.AreEqual("error: unknown command ':frobnicate'; type :help for the list of commands\n", stderr);
    }

    [TestMethod]
    public void TypeShowsTheStaticTypeWithoutRunning()
    {
        var repl = new ReplHarness();
        repl.Ok("fn twice(x: number) -> number { print(\"ran\"); return x * 2; }");
        Assert.AreEqual("number\n", repl.Command(":type twice(2)").Out);
        Assert.AreEqual("(number) -> number\n", repl.Command(":type twice").Out);
        Assert.AreEqual("string[]\n", repl.Command(":type [\"a\"]").Out);
        var bad = repl.Command(":type nope + 1");
        StringAssert.Contains(bad.Err, "error[AT2002]: Unknown symbol 'nope'");
        Assert.AreEqual("", bad.Out);
    }

    [TestMethod]
    public void DisasmPrintsTheCurrentDefinitionsBytecode()
    {
        var jit = new MarkingJit { Threshold = 1 };
        var repl = new ReplHarness(jit);
        repl.Ok("fn f() -> number { return 41 + 1; }");
        var before = repl.Command(":disasm f").Out;
        StringAssert.StartsWith(before, "== f arity=0");
        Assert.DoesNotContain("compiled", before);
        repl.Ok("f()");
        var after = repl.Command(":disasm f").Out;
        StringAssert.Contains(after, "-- compiled tree --\n<marked f>");
        StringAssert.Contains(repl.Command(":disasm nothing").Err, "error: 'nothing' is not a function defined in this session");
    }

    [TestMethod]
    public void JitCommandsReportAndChangeTheJit()
    {
        var jit = new MarkingJit { Threshold = 1 };
        var repl = new ReplHarness(jit);
        Assert.AreEqual("JIT on, threshold 1\nhot: 0, invalidated: 0\n", repl.Command(":jit").Out);
        Assert.AreEqual("JIT threshold 50\n", repl.Command(":jit threshold 50").Out);
        Assert.AreEqual(50, jit.Threshold);
        StringAssert.StartsWith(repl.Command(":jit threshold 0").Err, "error: usage: :jit");
        StringAssert.StartsWith(repl.Command(":jit sideways").Err, "error: usage: :jit");
        Assert.AreEqual("JIT off: interpreting only\n", repl.Command(":jit off").Out);
        StringAssert.StartsWith(repl.Command(":jit").Out, "JIT off, threshold 50");
        Assert.AreEqual("JIT on (threshold 50)\n", repl.Command(":jit on").Out);
    }

    [TestMethod]
    public void JitCommandsWithoutAJitSaySo()
    {
        Assert.AreEqual("error: the JIT is not available in this build\n", new ReplHarness().Command(":jit").Err);
    }

    [TestMethod]
    public void LoadRunsAFileIntoTheSession()
    {
        var path = TempFiles.NewFile("atlas-repl-", ".atl",
            "fn square(x: number) -> number { return x * x; }\nprint(\"loaded\");\nlet broken = 1 / 0;\n");
        try
        {
            var repl = new ReplHarness();
            var (_, stdout, stderr) = repl.Command($":load {path}");
            Assert.AreEqual("loaded\n", stdout);
            StringAssert.StartsWith(stderr, $"{path}:3:14: error[AT0005]: Divide by zero");
            Assert.AreEqual("81 : number\n", repl.Ok("square(9)"));
        }
        finally { File.Delete(path); }
        StringAssert.StartsWith(new ReplHarness().Command(":load /no/such/file.atl").Err, "error: cannot read '/no/such/file.atl'");
    }
}
