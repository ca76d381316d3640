using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Jit;

/// <summary>
/// Compiles a small tree and then a small program through the whole JIT once, on the compiler thread
/// (<see cref="Tiering.CompilerThread"/>), so the one-time cost of the first compilation in a process (the .NET JIT
/// compiling the generic instantiations FastExpressionCompiler and the code generator use, which ReadyToRun cannot
/// precompile) is paid ahead of the first hot function and never on the program's thread. The REPL starts it at
/// start-up; <c>atlas run</c> does not (it slowed short programs more than it helped: docs/performance.md).
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

    /// <summary>Queues the warm-up on the compiler thread, once per process; returns immediately.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0) return;
        Tiering.CompilerThread.Post(Run);
    }

    private static void Run()
    {
        try
        {
            WarmUpNow();
        }
        catch (Exception)
        {
            // Warming up is only an optimisation; the real compilation reports its own problems.
        }
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
