using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Harness;

/// <summary>
/// Runs one freshly built program in one tier — interpreted, or with a JIT at a given threshold — under the limits
/// every parity run shares: a call depth, a deterministic fuel budget (both tiers count the same loop back-edges and
/// calls), a timeout as a safety net and a wall-clock watchdog that turns a hang into a reported failure.
/// Prototypes carry tiering state (call counts, installed code), so each run needs its own build of the program.
/// </summary>
internal static class TierRunner
{
    /// <summary>Call depth limit: far above what generated programs use, low enough that runaway recursion ends fast.</summary>
    public const int MaxDepth = 400;
    /// <summary>Budget checks (each after <see cref="Interpreter.BudgetInterval"/> back-edges and calls) before AT0010.</summary>
    public const long Fuel = 8;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(30);
    // Compiled Atlas calls recurse on the .NET stack; a big stack keeps the JIT's headroom check from firing before
    // the depth limit does (the interpreter would not fire it at the same call).
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>One run's outcome plus what it left behind for statistics.</summary>
    public sealed record Run(TierOutcome Outcome, CompiledProgram Program, JitEngine? Engine);

    /// <param name="threshold">Null runs interpreted; otherwise the JIT compiles each function on its threshold-th call.</param>
    /// <param name="cacheLimit">The JIT's code cache size; a tiny cache evicts compiled functions mid-run (they go back to the
    /// interpreter).</param>
    public static Run Execute(Func<CompiledProgram> build, int? threshold, int cacheLimit = 10_000)
    {
        var program = build();
        // Synchronous: what is compiled when is deterministic, so coverage and statistics are too (BackgroundParityTests
        // runs the corpus with the compiler thread).
        var engine = threshold is int t
            ? new JitEngine(new JitConfig { Synchronous = true, CompilationThreshold = t, CacheSizeLimit = cacheLimit })
            : null;
        var output = new StringWriter();
        // Cancelled when the watchdog gives up on the run, so its thread stops at its next budget check instead of
        // running on beside the next tests.
        var stop = new CancellationTokenSource();
        var vm = new Interpreter
        {
            Out = output,
            Tiering = engine,
            MaxDepth = MaxDepth,
            Limits = new ExecutionLimits { Fuel = Fuel, Timeout = Timeout, Cancellation = stop.Token },
        };
        TierOutcome? outcome = null;
        var thread = new Thread(() =>
        {
            try
            {
                var result = vm.Run(program);
                outcome = TierOutcome.Returned(output.ToString(), result);
            }
            catch (AtlasRuntimeException e)
            {
                outcome = TierOutcome.Raised(output.ToString(), e);
            }
            catch (Exception e)
            {
                outcome = TierOutcome.Crashed(output.ToString(), e);
            }
        }, StackBytes) { IsBackground = true, Name = "parity run" };
        thread.Start();
        if (!thread.Join(Watchdog))
        {
            stop.Cancel();
            return new Run(TierOutcome.TimedOut(output.ToString()), program, engine);
        }
        return new Run(outcome!, program, engine);
    }

    /// <summary>The hottest prototype's counter after a run (the VM counts every call it dispatches and every loop back-edge).</summary>
    public static int HottestCounter(CompiledProgram program) => program.Functions.Max(f => f.HotCount);
}
