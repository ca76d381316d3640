using BenchmarkDotNet.Running;

// dotnet run -c Release --project Atlas.Benchmarks -- --filter '*'   (not run in CI)
BenchmarkSwitcher.FromAssembly(typeof(Atlas.Benchmarks.WorkloadBenchmarks).Assembly).Run(args);
