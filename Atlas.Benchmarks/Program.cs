using BenchmarkDotNet.Running;

// dotnet run -c Release --project Atlas.Benchmarks -- --filter '*'   (not run in CI)
// `-- profile NAME SECONDS` runs one CallProtocolBenchmarks method in a loop, for a sampling profiler (perf record).
if (args is ["profile", var name, var seconds])
{
    var bench = new Atlas.Benchmarks.CallProtocolBenchmarks();
    bench.Setup();
    var method = typeof(Atlas.Benchmarks.CallProtocolBenchmarks).GetMethod(name) ?? throw new ArgumentException(name);
    var run = method.CreateDelegate<Func<Atlas.Vm.Value>>(bench) ?? throw new ArgumentException(name);
    var until = DateTime.UtcNow.AddSeconds(double.Parse(seconds));
    while (DateTime.UtcNow < until)
        for (int i = 0; i < 100_000; i++) run();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Atlas.Benchmarks.WorkloadBenchmarks).Assembly).Run(args);
