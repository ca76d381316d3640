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
    /// <remarks>The process warms the JIT up before this (<see cref="WarmUpGate"/>).</remarks>
    public static CliApp CreateApp(TextWriter stdout, TextWriter stderr)
    {
        var statsWanted = new HashSet<JitEngine>(ReferenceEqualityComparer.Instance);
        JitEngine? printer = null;
        return new CliApp(stdout, stderr)
        {
            TieringFactory = options =>
            {
                // --jit-stats also counts executions of compiled code (a counter per call, off in plain runs).
                var config = new JitConfig
                {
                    CompilationThreshold = options.JitThreshold, CountCalls = options.JitStats, Synchronous = options.JitSync,
                    // The program runs on a script thread whose stack room ProgramRunner promises (Interpreter.StackRoomDepth).
                    DepthOnlySmallFrameCalls = true,
                };
                if (!options.JitStats) return new DeferredJit(config);
                // The table is printed even when nothing got hot: that engine is there from the start.
                var engine = new JitEngine(config);
                statsWanted.Add(engine);
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
            ReplJitFactory = options =>
                new EngineReplJit(new JitEngine(new JitConfig
                {
                    CompilationThreshold = options.JitThreshold, DepthOnlySmallFrameCalls = true,
                }), options.JitThreshold),
        };
    }
}
