using Atlas.Hosting;

namespace Atlas.Tests.Hosting.Examples;

public static class QuickStartExample
{
    public static void Run(TextWriter output)
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = output });

        // Each script sees what the earlier ones defined.
        engine.Evaluate("""
            fn fib(n: number) -> number {
                if (n < 2) { return n; }
                return fib(n - 1) + fib(n - 2);
            }
            """);
        double fib20 = engine.Evaluate<double>("fib(20)");
        output.WriteLine($"fib(20) = {fib20}");

        // print writes to AtlasOptions.Output; the value of the last expression comes back to .NET.
        object? value = engine.Evaluate("print(\"hello from Atlas\");\n[1, 2, 3].len()");
        output.WriteLine($"value: {value} ({value?.GetType().Name})");
    }
}
