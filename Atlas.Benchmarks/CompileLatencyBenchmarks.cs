using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Jit;
using BenchmarkDotNet.Attributes;

namespace Atlas.Benchmarks;

/// <summary>Time to compile one function's bytecode to a delegate with FastExpressionCompiler and with Expression.Compile().</summary>
public class CompileLatencyBenchmarks
{
    private FunctionProto _proto = null!;

    [Params("fib", "mandelbrot", "sort")]
    public string Workload { get; set; } = "fib";

    [GlobalSetup]
    public void Setup()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "programs", Workload + ".atl"));
        var program = Pipeline.Compile(source).Program!;
        // The workload's main function: the largest non-script prototype.
        _proto = program.Functions.Where(p => !p.IsScript).MaxBy(p => p.Code.Length)!;
    }

    [Benchmark(Baseline = true)]
    public object? FastExpressionCompiler() => new JitEngine(new JitConfig { Backend = JitBackend.Fast }).TryCompile(_proto);

    [Benchmark]
    public object? SystemCompile() => new JitEngine(new JitConfig { Backend = JitBackend.System }).TryCompile(_proto);
}
