namespace Atlas.Tests.Repl;

/// <summary>The <c>atlas repl</c> process with piped input (repl.md "Interaction": no prompts, no escape codes).</summary>
[TestClass]
public sealed class ReplProcessTests
{
    [TestMethod]
    public void PipedEntriesPrintOnlyEchoes()
    {
        var (code, stdout, stderr) = AtlasProcess.Run("let x = 1;\nx + 1\n", "repl");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("2 : number\n", stdout);
        Assert.AreEqual("", stderr);
    }

    [TestMethod]
    public void AtlasWithoutArgumentsStartsTheRepl()
    {
        var (code, stdout, stderr) = AtlasProcess.Run("\"hi\"\n", []);
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("\"hi\" : string\n", stdout);
    }

    [TestMethod]
    public void PipedSessionWithErrorsCommandsAndRedefinition()
    {
        const string input = """
            fn f(x: number) -> number { return x + 1; }
            fn g() -> number {
                return f(1) * 10;
            }
            g()
            1 / 0
            fn f(x: number) -> number { return x + 2; }
            g()
            :type g
            :nonsense
            :quit
            print("never")
            """;
        var (code, stdout, stderr) = AtlasProcess.Run(input, "repl", "--jit-threshold", "1");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("20 : number\n30 : number\n() -> number\n", stdout);
        Assert.DoesNotContain("\x1b", stdout + stderr);
        StringAssert.StartsWith(stderr, "<repl>:4:1:1: error[AT0005]: Divide by zero\n");
        StringAssert.Contains(stderr, "error: unknown command ':nonsense'; type :help for the list of commands\n");
    }

    [TestMethod]
    public void ReplHelpIsListed()
    {
        var (code, stdout, _) = AtlasProcess.Run("", "--help");
        Assert.AreEqual(0, code);
        StringAssert.Contains(stdout, "repl");
    }
}
