using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Jit;
using Atlas.Vm;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>
/// The seven workloads (reduced sizes, from Atlas.Tests/Corpus/bench) interpreted and JIT-compiled. The JIT variant
/// compiles in the first (warm-up) invocation; measured iterations run compiled code.
/// </summary>
[MemoryDiagnoser]
public class WorkloadBenchmarks
{
    private CompiledProgram _interpreted = null!;
    private CompiledProgram _compiled = null!;
    private JitEngine _jit = null!;

    [Params("fib", "loop", "sieve", "nbody", "sort", "strings", "mandelbrot")]
    public string Workload { get; set; } = "fib";

    [GlobalSetup]
    public void Setup()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "programs", Workload + ".atl"));
        _interpreted = Pipeline.Compile(source).Program ?? throw new InvalidOperationException($"{Workload} does not compile");
        _compiled = Pipeline.Compile(source).Program!;
        _jit = new JitEngine(new JitConfig { CompilationThreshold = 1 });
    }

    [Benchmark(Baseline = true)]
    public Value Interpreter() => new Interpreter { Out = TextWriter.Null }.Run(_interpreted);

    [Benchmark]
    public Value Jit() => new Interpreter { Out = TextWriter.Null, Tiering = _jit }.Run(_compiled);
}
