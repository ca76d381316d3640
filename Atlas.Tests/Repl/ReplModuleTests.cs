using Atlas.Tests.Support;

namespace Atlas.Tests.Repl;

/// <summary>An <c>import</c> entry loads modules into the REPL session: each runs once, the names stay defined.</summary>
[TestClass]
public sealed class ReplModuleTests
{
    [TestMethod]
    public void ImportedNamesJoinTheSession()
    {
        var dir = TempFiles.NewDirectory("atlas-replmod-");
        try
        {
            File.WriteAllText(Path.Combine(dir, "util.atl"),
                "print(\"util runs\");\nfn hidden() -> number { return 1; }\nexport fn inc(x: number) -> number { return x + hidden(); }\n"
                + "export fn fail() -> number { return 1 / 0; }\nexport fn incTwice(x: number) -> number { return inc(inc(x)); }");
            var main = Path.Combine(dir, "main.atl");
            File.WriteAllText(main, "import { inc, fail, incTwice } from \"./util\";\nlet two = inc(1);");
            var repl = new ReplHarness();
            var (go, stdout, stderr) = repl.Command($":load {main}");
            Assert.IsTrue(go);
            Assert.AreEqual("util runs\n", stdout, stderr);
            Assert.AreEqual("3 : number\n", repl.Ok("inc(two)"));
            // Redefining an imported name in the session does not reach into the module.
            repl.Ok("fn inc(x: number) -> number { return 0; }");
            Assert.AreEqual("0 : number\n", repl.Ok("inc(5)"));
            Assert.AreEqual("3 : number\n", repl.Ok("incTwice(1)"));
            var (_, _, hiddenErr) = repl.Enter("hidden()");
            Assert.Contains("Unknown symbol 'hidden'", hiddenErr);
            var (outcome, _, failErr) = repl.Enter("fail()");
            Assert.AreEqual(Atlas.Repl.Repl.EntryOutcome.RuntimeError, outcome);
            Assert.Contains("util.atl:4:37: error[AT0005]: Divide by zero", failErr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
