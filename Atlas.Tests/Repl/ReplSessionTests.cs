using Atlas.Repl.Repl;

namespace Atlas.Tests.Repl;

/// <summary>The REPL engine through its API: echo, persistence, diagnostics and recovery after errors (repl.md).</summary>
[TestClass]
public sealed class ReplSessionTests
{
    [TestMethod]
    [DataRow("42", "42 : number\n")]
    [DataRow("\"hi\"", "\"hi\" : string\n")]
    [DataRow("\"a\\\"b\\n\"", "\"a\\\"b\\n\" : string\n")]
    [DataRow("[1, 2]", "[1, 2] : number[]\n")]
    [DataRow("[\"a\", \"b\"]", "[a, b] : string[]\n")]
    [DataRow("Some(3)", "Some(3) : Option<number>\n")]
    [DataRow("Ok(\"x\")", "Ok(x) : Result<string, ?>\n")]
    [DataRow("true && false", "false : bool\n")]
    [DataRow("null", "null : null\n")]
    [DataRow("1 + 2;", "3 : number\n")]
    [DataRow("print(\"hi\")", "hi\n")]
    [DataRow("let x = 1;", "")]
    [DataRow("fn f() -> number { return 1; }", "")]
    public void ExpressionValuesAreEchoedWithTheirType(string entry, string expected) =>
        Assert.AreEqual(expected, new ReplHarness().Ok(entry));

    [TestMethod]
    public void FunctionWithoutReturnTypeEchoesNull()
    {
        var repl = new ReplHarness();
        repl.Ok("fn hello() { print(\"hello\"); }");
        Assert.AreEqual("hello\nnull : null\n", repl.Ok("hello()"));
    }

    [TestMethod]
    public void DefinitionsPersistAcrossEntries()
    {
        var repl = new ReplHarness();
        repl.Ok("let x = 1;");
        repl.Ok("var total = 0;");
        repl.Ok("fn add(n: number) -> number { total += n; return total; }");
        Assert.AreEqual("2 : number\n", repl.Ok("x + 1"));
        repl.Ok("add(5);");
        Assert.AreEqual("12 : number\n", repl.Ok("add(7)"));
        Assert.AreEqual("12 : number\n", repl.Ok("total"));
    }

    [TestMethod]
    public void TypeAliasesPersist()
    {
        var repl = new ReplHarness();
        repl.Ok("type Meters = number;");
        Assert.AreEqual("5 : number\n", repl.Ok("let d: Meters = 5; d"));
    }

    [TestMethod]
    public void OneEntryMayHoldSeveralStatementsAndLines()
    {
        var repl = new ReplHarness();
        Assert.AreEqual("a\n3 : number\n", repl.Ok("let a = 1;\nlet b = 2;\nprint(\"a\");\na + b"));
    }

    [TestMethod]
    public void TypeErrorIsReportedWithEntryPositionAndDefinesNothing()
    {
        var repl = new ReplHarness();
        repl.Ok("let ok = 1;");
        var (outcome, stdout, stderr) = repl.Enter("let y = 2;\nlet x: number = \"s\";");
        Assert.AreEqual(EntryOutcome.CompileError, outcome);
        Assert.AreEqual("", stdout);
        StringAssert.StartsWith(stderr, "<repl>:2:2:1: error[AT3001]: Type mismatch: expected number, found string\n 2 | let x: number = \"s\";\n");
        // Nothing of the failed entry exists; earlier definitions do.
        StringAssert.Contains(repl.Enter("y").Err, "error[AT2002]: Unknown symbol 'y'");
        Assert.AreEqual("1 : number\n", repl.Ok("ok"));
    }

    [TestMethod]
    public void SyntaxErrorIsReported()
    {
        var (outcome, _, stderr) = new ReplHarness().Enter("let = 3;");
        Assert.AreEqual(EntryOutcome.CompileError, outcome);
        StringAssert.StartsWith(stderr, "<repl>:1:1:5: error[AT1004]: Expected a variable name but found Equal");
    }

    [TestMethod]
    public void RuntimeErrorKeepsWhatRanBeforeIt()
    {
        var repl = new ReplHarness();
        var (outcome, stdout, stderr) = repl.Enter("let a = 1;\nprint(\"before\");\nlet b = 1 / 0;\nlet c = 3;");
        Assert.AreEqual(EntryOutcome.RuntimeError, outcome);
        Assert.AreEqual("before\n", stdout);
        Assert.AreEqual("<repl>:1:3:9: error[AT0005]: Divide by zero\n 3 | let b = 1 / 0;\n   |         ^^^^^\n  at <script> (<repl>:1:3:9)\n", stderr);
        Assert.AreEqual("1 : number\n", repl.Ok("a"));
        StringAssert.Contains(repl.Enter("b").Err, "Unknown symbol 'b'");
        StringAssert.Contains(repl.Enter("c").Err, "Unknown symbol 'c'");
    }

    [TestMethod]
    public void RuntimeErrorStackNamesTheEntryOfEachFrame()
    {
        var repl = new ReplHarness();
        repl.Ok("fn inner(x: number) -> number {\n    return x / 0;\n}");
        repl.Ok("fn outer() -> number { return inner(1); }");
        var (_, _, stderr) = repl.Enter("print(\"go\");\nouter();");
        var lines = stderr.Split('\n');
        Assert.AreEqual("<repl>:1:2:12: error[AT0005]: Divide by zero", lines[0]);
        Assert.AreEqual(" 2 |     return x / 0;", lines[1]);
        Assert.AreEqual("  at inner (<repl>:1:2:12)", lines[3]);
        Assert.AreEqual("  at outer (<repl>:2:1:31)", lines[4]);
        Assert.AreEqual("  at <script> (<repl>:3:2:1)", lines[5]);
    }

    [TestMethod]
    public void FunctionsOfAFailingEntryAreDefined()
    {
        var repl = new ReplHarness();
        Assert.AreEqual(EntryOutcome.RuntimeError, repl.Enter("1 / 0;\nfn later() -> number { return 7; }").Outcome);
        Assert.AreEqual("7 : number\n", repl.Ok("later()"));
    }

    [TestMethod]
    public void GlobalsKeepTheirValueAtTheError()
    {
        var repl = new ReplHarness();
        repl.Ok("var n = 0;");
        Assert.AreEqual(EntryOutcome.RuntimeError, repl.Enter("while (true) { n += 1; if (n == 5) { let boom = 1 / 0; } }").Outcome);
        Assert.AreEqual("5 : number\n", repl.Ok("n"));
    }

    [TestMethod]
    [DataRow("export fn f() {}", "<repl>:1:1:1: error[AT1001]: 'export' is not supported in the REPL")]
    [DataRow("import x from \"y\";", "<repl>:1:1:8: error[AT1004]: Expected '{'")]
    [DataRow("import { x } from \"./surely-no-such-module\";", "<repl>:1:1:19: error[AT5002]: Cannot find module './surely-no-such-module'")]
    public void ExportAndBadImportsAreRejected(string entry, string expected)
    {
        var (outcome, _, stderr) = new ReplHarness().Enter(entry);
        Assert.AreEqual(EntryOutcome.CompileError, outcome);
        StringAssert.StartsWith(stderr, expected);
    }

    [TestMethod]
    public void PreludeNamesStayProtected()
    {
        var (outcome, _, stderr) = new ReplHarness().Enter("let print = 1;");
        Assert.AreEqual(EntryOutcome.CompileError, outcome);
        StringAssert.Contains(stderr, "error[AT1012]: Cannot shadow prelude builtin 'print' in global scope");
    }

    [TestMethod]
    public void WarningsArePrintedAndTheEntryRuns()
    {
        var (outcome, stdout, stderr) = new ReplHarness().Enter("fn f(unused: number) -> number { return 1; }\nf(2)");
        Assert.AreEqual(EntryOutcome.Completed, outcome);
        Assert.AreEqual("1 : number\n", stdout);
        StringAssert.StartsWith(stderr, "<repl>:1:1:6: warning[AT2001]: Unused parameter 'unused'");
    }

    [TestMethod]
    public void EntryNumbersCountEveryEntry()
    {
        var repl = new ReplHarness();
        repl.Ok("1");
        repl.Enter("oops");
        StringAssert.StartsWith(repl.Enter("\n  nope").Err, "<repl>:3:2:3: error[AT2002]: Unknown symbol 'nope'");
    }

    [TestMethod]
    public void RunawayRecursionStopsAtTheDepthLimit()
    {
        var repl = new ReplHarness();
        repl.Ok("fn down(n: number) -> number { return down(n + 1); }");
        var (outcome, _, stderr) = repl.Enter("down(0)");
        Assert.AreEqual(EntryOutcome.RuntimeError, outcome);
        StringAssert.Contains(stderr, "error[AT0008]: Stack overflow: call depth exceeded 200000");
        StringAssert.Contains(stderr, "more frames");
        Assert.AreEqual("1 : number\n", repl.Ok("1"));
    }

    [TestMethod]
    public void DepthLimitOfTheSessionApplies()
    {
        var err = new StringWriter();
        var session = new ReplSession(new StringWriter(), err) { MaxDepth = 50 };
        session.Submit("fn down(n: number) -> number { return down(n + 1); }");
        Assert.AreEqual(EntryOutcome.RuntimeError, session.Submit("down(0)"));
        StringAssert.Contains(err.ToString(), "call depth exceeded 50");
    }

    [TestMethod]
    public void ResetForgetsEverything()
    {
        var repl = new ReplHarness();
        repl.Ok("let x = 1; fn f() -> number { return x; }");
        var (go, stdout, _) = repl.Command(":reset");
        Assert.IsTrue(go);
        StringAssert.Contains(stdout, "reset");
        StringAssert.Contains(repl.Enter("f()").Err, "Unknown symbol 'f'");
        Assert.AreEqual("\"now a string\" : string\n", repl.Ok("let x = \"now a string\"; x"));
    }
}
