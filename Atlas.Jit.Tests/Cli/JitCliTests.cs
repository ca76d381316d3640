using Atlas.Repl.Cli;
using Atlas.Jit.Tests.Support;
using Atlas.Tests.Support;

namespace Atlas.Jit.Tests.Cli;

/// <summary>The JIT as the <c>atlas</c> command wires it: on by default, --no-jit, --jit-threshold, --jit-stats, disasm --jit.</summary>
[TestClass]
public sealed class JitCliTests
{
    internal const string Fib = """
        fn fib(n: number) -> number {
            if (n < 2) { return n; }
            return fib(n - 1) + fib(n - 2);
        }
        print(fib(20));
        """;

    private static (int Code, string Out, string Err) Atlas(string source, params string[] args)
    {
        var path = TempFiles.NewFile("atlas-jitcli-", ".atl", source);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = JitWiring.CreateApp(stdout, stderr).Invoke(args.Select(a => a == "FILE" ? path : a).ToArray());
            return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void JitStatsPrintsATableOnStderr()
    {
        var (code, stdout, stderr) = Atlas(Fib, "run", "--jit-threshold", "3", "--jit-sync", "--jit-stats", "FILE");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("6765\n", stdout);
        StringAssert.StartsWith(stderr, "JIT statistics\n");
        StringAssert.Contains(stderr, "functions compiled              1\n");
        StringAssert.Contains(stderr, "compilation                     synchronous (program's thread)\n");
        StringAssert.Contains(stderr, "queued (background)             0\n");
        StringAssert.Contains(stderr, "compiled calls");
        StringAssert.Contains(stderr, "    fib ");
        StringAssert.Contains(stderr, "interpreter fallbacks           0\n");
    }

    [TestMethod]
    public void JitStatsShowsTheCompilerThreadsQueue()
    {
        var (code, stdout, stderr) = Atlas(Fib, "run", "--jit-threshold", "3", "--jit-stats", "FILE");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual("6765\n", stdout);
        StringAssert.Contains(stderr, "compilation                     background (compiler thread)\n");
        StringAssert.Contains(stderr, "queued (background)             1\n", "fib is queued once, at its third call");
        StringAssert.Contains(stderr, "queued to installed p50");
        StringAssert.Contains(stderr, "program waited for compiler     0.000 ms\n");
    }

    [TestMethod]
    public void WithoutTheFlagNoStatsArePrinted()
    {
        var (code, stdout, stderr) = Atlas(Fib, "run", "FILE");
        Assert.AreEqual(0, code);
        Assert.AreEqual("6765\n", stdout);
        Assert.AreEqual("", stderr);
    }

    [TestMethod]
    public void NoJitIgnoresTheStatsFlag()
    {
        var (code, stdout, stderr) = Atlas(Fib, "run", "--no-jit", "--jit-stats", "FILE");
        Assert.AreEqual(0, code);
        Assert.AreEqual("6765\n", stdout);
        Assert.AreEqual("", stderr);
    }

    [TestMethod]
    public void DisasmJitPrintsEachFunctionsTreeWithItsDirectCalls()
    {
        var (code, stdout, stderr) = Atlas(Fib, "disasm", "--jit", "FILE");
        Assert.AreEqual(0, code, stderr);
        var fib = stdout[stdout.IndexOf("== fib ", StringComparison.Ordinal)..];
        fib = fib[..(fib.IndexOf("\n== ", StringComparison.Ordinal) is int end and > 0 ? end : fib.Length)];
        StringAssert.Contains(fib, "-- compiled tree --");
        StringAssert.Contains(fib, "(Func<Interpreter, FunctionValue, int, long, long>)((",
            "fib takes and returns an unboxed whole number (speculated: n is compared with and reduced by whole numbers)");
        StringAssert.Contains(fib, "lr = s1l - s2l;", "n - 1 is a long subtraction");
        StringAssert.Contains(fib, "vm.CheckCompiledCall(\n", "the recursive call is guessed to be fib");
        StringAssert.Contains(fib, ".fib_body(", "and is a direct call of fib's own method");
        StringAssert.Contains(fib, "JitRuntime.PendGlobal(", "where the read's guard fails, the call continues interpreted");
        Assert.IsFalse(fib.Contains("JitRuntime.CallValueLong(", StringComparison.Ordinal), "so the call has no other path");
    }

    [TestMethod]
    public void DisasmJitReadsTheGlobalsDeclaredTypesLikeARealRun()
    {
        var (code, stdout, stderr) = Atlas("""
            var data: number[] = [3, 4];
            fn first() -> number { return data[0] + 1; }
            print(first());
            """, "disasm", "--jit", "FILE");
        Assert.AreEqual(0, code, stderr);
        var first = stdout[stdout.IndexOf("== first ", StringComparison.Ordinal)..];
        StringAssert.Contains(first, "JitRuntime.GetNumber(", "an element of a number[] global is read as a number, as compiled");
    }

    [TestMethod]
    public void ABadThresholdIsAUsageError()
    {
        var (code, _, stderr) = Atlas(Fib, "run", "--jit-threshold", "0", "FILE");
        Assert.AreEqual(ExitCodes.Usage, code);
        StringAssert.Contains(stderr, "--jit-threshold must be at least 1");
    }

    [TestMethod]
    [Timeout(60_000)] // without the timer the compiled loop never ends: fail rather than hang the run
    [DataRow("while (true) { i = i + 1; }")]
    [DataRow("fn spin(n: number) -> number { var s = 0; while (true) { s = s + n; } return s; }\nprint(spin(1));")]
    public void ATimeoutStopsACompiledLoopThatTheRunsHookCompiledLate(string loop)
    {
        // `atlas run` builds its engine, and arms the limits timer compiled code waits for, only when something gets hot
        // (DeferredJit): the loop below runs compiled, and the deadline must still stop it.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (code, stdout, stderr) = Atlas("var i = 0;\n" + loop + "\n", "run", "--timeout", "0.3", "FILE");
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(stderr, "AT0009", stderr);
        Assert.AreEqual("", stdout);
        Assert.IsLessThan(30.0, watch.Elapsed.TotalSeconds, "stopped by the deadline, not by the test's patience");
    }

    [TestMethod]
    public void TheRunsHookBuildsItsEngineOnlyWhenSomethingGetsHot()
    {
        var cold = new global::Atlas.Repl.Jit.DeferredJit(new JitConfig { CompilationThreshold = 1000 });
        var quiet = Exec.Run("fn f(x: number) -> number { return x + 1; }\nprint(f(1));", cold);
        Assert.AreEqual("2\n", quiet.Output.ReplaceLineEndings("\n"));
        Assert.IsNull(cold.Engine, "nothing got hot: no engine");
        Assert.IsFalse(((global::Atlas.Vm.ITieringHook)cold).Started);
        var hot = new global::Atlas.Repl.Jit.DeferredJit(new JitConfig { CompilationThreshold = 2, Synchronous = true });
        var busy = Exec.Run(
            "fn f(x: number) -> number { return x + 1; }\nvar s = 0;\nfor (var i = 0; i < 10; i++) { s = s + f(i); }\nprint(s);", hot);
        Assert.AreEqual("55\n", busy.Output.ReplaceLineEndings("\n"));
        Assert.IsNotNull(hot.Engine);
        Assert.IsNotNull(Exec.Function(busy.Program, "f").Compiled, "f was compiled by the engine built on the way");
    }
}
