using Atlas.Repl.Cli;
using Atlas.Tests.Support;

namespace Atlas.Jit.Tests.Cli;

/// <summary>
/// Which <c>atlas run</c> command lines warm the JIT up at process start (<see cref="WarmUpGate"/>), and that a warm-up
/// running beside a program changes nothing it prints or reports.
/// </summary>
[TestClass]
public sealed class WarmUpGateTests
{
    private const string Fib = JitCliTests.Fib;

    [TestMethod]
    [DataRow("print(\"hello\");")]
    [DataRow("let x = 1 + 2;\nprint(x);")]
    [DataRow("// a comment with no keywords\nprint([1, 2].map(str));")]
    [DataRow("let fnord = 1; let format = 2; let before = 3; let whiles = fnord + format + before;")]
    [DataRow("")]
    public void AProgramWithoutAFunctionOrALoopHasNothingToWarmUpFor(string source) =>
        Assert.IsFalse(WarmUpGate.MayCompile(source));

    [TestMethod]
    [DataRow("fn f() -> number { return 1; }\nprint(f());")]
    [DataRow("let g = fn(x: number) -> number { return x; };")]
    [DataRow("for (var i = 0; i < 3; i++) { print(i); }")]
    [DataRow("for x in [1, 2] { print(x); }")]
    [DataRow("var i = 0;\nwhile(i < 3) { i++; }")]
    [DataRow("import { area } from \"./shapes\";\nprint(area(2));")]
    [DataRow("print(\"for\"); // the scan does not know strings: a false positive only costs a warm-up")]
    public void AFunctionOrALoopMayNeedTheJit(string source) => Assert.IsTrue(WarmUpGate.MayCompile(source));

    [TestMethod]
    public void TheProgramIsFoundAmongTheArguments()
    {
        var hello = Write("print(\"hello\");");
        var fib = Write(Fib);
        try
        {
            Assert.IsFalse(WarmUpGate.ProgramMayCompile(["run", hello]));
            Assert.IsTrue(WarmUpGate.ProgramMayCompile(["run", fib]));
            Assert.IsTrue(WarmUpGate.ProgramMayCompile(["run", "--jit-threshold", "5", "--jit-stats", fib]), "options before the file");
            Assert.IsTrue(WarmUpGate.ProgramMayCompile(["run", fib, "--timeout", "3"]), "options after the file");
            Assert.IsFalse(WarmUpGate.ProgramMayCompile(["run", hello + ".missing"]), "a missing file");
            Assert.IsFalse(WarmUpGate.ProgramMayCompile(["run", Path.GetTempPath()]), "a directory");
            Assert.IsFalse(WarmUpGate.ProgramMayCompile(["run", "-"]), "no file at all");
            File.WriteAllText(hello, string.Concat(Enumerable.Repeat("print(\"hello\");\n", 100_000)));
            Assert.IsTrue(WarmUpGate.ProgramMayCompile(["run", hello]), "a program over a megabyte is not read");
        }
        finally
        {
            File.Delete(hello);
            File.Delete(fib);
        }
    }

    [TestMethod]
    [DataRow(Fib)]
    [DataRow("fn f(xs: number[]) -> number { return xs[5]; }\nprint(\"before\");\nprint(f([1, 2]));")]
    [DataRow("fn loop(n: number) -> number { var s = 0; for (var i = 0; i < n; i++) { s += i; } return s; }\nprint(loop(5000));")]
    public void AWarmUpBesideTheProgramChangesNothingItPrintsOrReports(string source)
    {
        var path = Write(source);
        try
        {
            var interpreted = Atlas("run", "--no-jit", path);
            for (int i = 0; i < 3; i++)
            {
                // The warm-up on the compiler thread while the program runs and compiles, as at process start.
                JitWarmUp.QueueFirstCompile(() => WarmUpGate.ProgramMayCompile(["run", path]));
                Assert.AreEqual(interpreted, Atlas("run", "--jit-threshold", "2", path));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int Code, string Out, string Err) Atlas(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = JitWiring.CreateApp(stdout, stderr).Invoke(args);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Write(string source) => TempFiles.NewFile("atlas-warmup-", ".atl", source);
}
