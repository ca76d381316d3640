using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Jit;

/// <summary>
/// Pays the one-time cost of the first compilation in a process (the .NET JIT compiling the generic instantiations
/// FastExpressionCompiler and the code generator use, which ReadyToRun cannot precompile, and loading their types) on the
/// compiler thread (<see cref="Tiering.CompilerThread"/>), ahead of the first hot function and never on the program's
/// thread. Two kinds: the REPL warms up everything at start-up (<see cref="Start"/>: it has the time while the user
/// types); <c>atlas run</c> compiles one small function through the real path at process start, and only when the
/// program may have something to compile (<see cref="StartFirstCompile"/>; docs/jit.md, "Start-up warm-up").
/// </summary>
internal static class JitWarmUp
{
    private const string Program = """
        fn work(n: number, xs: number[]) -> number {
            var acc = 0;
            for (var i = 0; i < n; i++) {
                if (i % 2 == 0 && xs[0] < 10) { acc = acc + xs[i % len(xs)] * 2; } else { acc -= 1; }
            }
            let r: Result<number, string> = Ok(acc);
            return match r { Ok(v) => v, Err(_) => -1 } + work(0, [1]);
        }
        work(3, [1, 2]);
        """;

    private static int _started;

    private static long _failures;

    /// <summary>Warm-ups that threw in this process: caught on the compiler thread, counted, and otherwise ignored.</summary>
    public static long Failures => Interlocked.Read(ref _failures);

    /// <summary>Test hook: runs inside each warm-up before it compiles (a test throws from it).</summary>
    internal static Action? BeforeWarmUp { get; set; }

    /// <summary>Queues the whole warm-up (<see cref="WarmUpNow"/>) on the compiler thread, once per process; returns at once.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) return;
        Tiering.CompilerThread.Post(() => Run(() => WarmUpNow() != null, null));
    }

    /// <summary>
    /// Queues the first-compile warm-up (<see cref="WarmUpFirstCompile"/>) on the compiler thread, once per process, to run
    /// if <paramref name="wanted"/> says so — evaluated there, so that looking at the program costs the program's own thread
    /// nothing; returns at once.
    /// </summary>
    public static void StartFirstCompile(Func<bool> wanted)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) return;
        QueueFirstCompile(wanted);
    }

    /// <summary>
    /// <see cref="StartFirstCompile"/> without the once-per-process check; <paramref name="finished"/> is told on the compiler
    /// thread whether it compiled (false when not wanted or when it failed).
    /// </summary>
    internal static void QueueFirstCompile(Func<bool> wanted, Action<bool>? finished = null) =>
        Tiering.CompilerThread.Post(() => Run(() => wanted() && WarmUpFirstCompile(), finished));

    private static void Run(Func<bool> warmUp, Action<bool>? finished)
    {
        bool compiled = false;
        try
        {
            BeforeWarmUp?.Invoke();
            compiled = warmUp();
        }
        catch (Exception)
        {
            // Warming up is only an optimisation; the real compilation reports its own problems.
            Interlocked.Increment(ref _failures);
        }
        finished?.Invoke(compiled);
    }

    /// <summary>
    /// Compiles <see cref="Tiering.WarmUpFunction"/> through a throwaway engine on this thread — inference, translation,
    /// FastExpressionCompiler into a dynamic method, the entry adapters, the .NET JIT — as a program's first hot function
    /// would be; true when it compiled.
    /// </summary>
    internal static bool WarmUpFirstCompile()
    {
        var (proto, globals) = Tiering.WarmUpFunction.Create();
        var vm = new Interpreter { Out = TextWriter.Null, Globals = globals };
        // The outcome from the result, not from the engine's statistics: building them the first time took about 10 ms
        // (fib(30) 112 -> 104 ms), and a program's first real compile waits for the warm-up to end.
        return new JitEngine(new JitConfig { CompilationThreshold = 1, InlineSelfCalls = false }).TryCompile(proto, vm).IsSuccess;
    }

    /// <summary>Compiles the warm-up program on this thread; returns the engine that did it (tests check it compiled everything).</summary>
    internal static JitEngine? WarmUpNow()
    {
        // The backend first: it needs no parse, so it is warm before the main thread's program gets hot.
        Codegen.BackendWarmUp.Compile();
        var outcome = Pipeline.Compile(Program);
        if (outcome.Program is not { } program) return null;
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1 });
        var vm = new Interpreter { Out = TextWriter.Null };
        foreach (var proto in program.Functions) engine.TryCompile(proto, vm);
        var work = program.Functions.First(f => f.Name == "work");
        for (int pc = 0; pc < work.Code.Length; pc += OpInfo.Of((OpCode)work.Code[pc]).Size)
            if ((OpCode)work.Code[pc] == OpCode.Loop) engine.OnHotLoop(work, work.Code[pc + 1], vm);
        return engine;
    }
}
