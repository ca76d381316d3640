using Atlas.Hosting;
using Atlas.Jit;
using Atlas.Jit.Hosting;

namespace Atlas.Jit.Tests.Hosting.Examples;

public static class JitExample
{
    public static void Run(TextWriter output)
    {
        // UseJit plugs in Atlas.Jit: functions are compiled to .NET code after CompilationThreshold calls. Synchronous
        // compiles on this thread (by default a background thread compiles while the function keeps running
        // interpreted), so the statistics printed below do not depend on timing.
        var options = new AtlasOptions { Output = output }.UseJit(new JitConfig { CompilationThreshold = 2, Synchronous = true });
        var engine = new AtlasEngine(options);

        engine.RegisterFunction("weight", (double i) => i % 3);
        engine.Evaluate("""
            fn score(n: number) -> number {
                var s = 0;
                for (var i = 0; i < n; i++) { s += weight(i); }
                return s;
            }
            """);
        for (int i = 0; i < 3; i++) output.WriteLine(engine.Call<double>("score", 100_000));

        var stats = engine.GetJitStats()!;
        output.WriteLine($"compiled functions: {stats.FunctionsCompiled}");
    }
}
