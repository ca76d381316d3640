using Atlas.Jit;
using Atlas.Repl.Jit;

namespace Atlas.Repl.Cli;

/// <summary>
/// Builds the <c>atlas</c> command line with the JIT plugged in: on by default (<c>--no-jit</c> turns it off,
/// <c>--jit-threshold N</c> sets when a function is hot, <c>--jit-sync</c> compiles on the program's thread instead of
/// the background compiler thread), <c>--jit-stats</c> prints the engine's table on stderr after a run, and
/// <c>disasm --jit</c> prints each function's compiled tree.
/// </summary>
internal static class JitWiring
{
    /// <param name="args">The command line, when known: a REPL session that will use the JIT starts warming it up at once.</param>
    public static CliApp CreateApp(TextWriter stdout, TextWriter stderr, string[]? args = null)
    {
        // Only an interactive session warms the JIT up at start (on the compiler thread, while the user types). `atlas run`
        // does not: the warm-up's 40-50 ms of work on the second core slowed hello world by about 12 ms and the test corpus
        // by a fifth, and a program whose first function gets hot at once gained nothing (its own compile is the warm-up
        // and the program keeps running interpreted meanwhile). docs/performance.md, "Background compilation".
        if ((args is [] or ["repl", ..]) && !args.Contains("--no-jit")) JitWarmUp.Start();
        var statsWanted = new HashSet<JitEngine>(ReferenceEqualityComparer.Instance);
        JitEngine? printer = null;
        return new CliApp(stdout, stderr)
        {
            TieringFactory = options =>
            {
                // --jit-stats also counts executions of compiled code (a counter per call, off in plain runs).
                var engine = new JitEngine(new JitConfig
                {
                    CompilationThreshold = options.JitThreshold, CountCalls = options.JitStats, Synchronous = options.JitSync,
                });
                if (options.JitStats) statsWanted.Add(engine);
                return engine;
            },
            AfterRun = (hook, err) =>
            {
                if (hook is JitEngine engine && statsWanted.Remove(engine)) err.Write(engine.Stats.Format());
            },
            // One engine for the whole listing: it learns the top-level functions from the script (listed first),
            // so the trees show the direct calls a real run would make.
            JitTreePrinter = (proto, globals) => (printer ??= new JitEngine()).DescribeTree(proto, globals),
            // One engine per REPL session: compiled code, statistics and invalidations span its entries.
            ReplJitFactory = options => new EngineReplJit(new JitEngine(new JitConfig { CompilationThreshold = options.JitThreshold }), options.JitThreshold),
        };
    }
}
