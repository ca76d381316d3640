using Atlas.Hosting;

namespace Atlas.Tests.Hosting.Examples;

public static class HostFunctionsExample
{
    public static void Run(TextWriter output)
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = output });

        // Typed delegates: the Atlas signature comes from the .NET one.
        engine.RegisterFunction("hypot", (double a, double b) => Math.Sqrt(a * a + b * b));
        engine.RegisterFunction("shout", (string s) => s.ToUpperInvariant());
        engine.RegisterFunction("report", (string message) => output.WriteLine($"[host] {message}"));
        output.WriteLine($"hypot : {engine.GetGlobalType("hypot")}");

        engine.Evaluate("""
            report(shout("side ") + str(hypot(3, 4)));
            print(map(["a", "b"], shout));
            """);

        // A host function may take an Atlas function and call it back through the engine.
        engine.RegisterFunction("applyN", (AtlasFunction f, double n, double x) =>
        {
            for (int i = 0; i < n; i++) x = (double)engine.Call(f, x)!;
            return x;
        });
        output.WriteLine(engine.Evaluate("fn half(x: number) -> number { return x / 2; }\napplyN(half, 3, 80)"));

        // .NET can call Atlas functions too.
        output.WriteLine(engine.Call<double>("half", 5));
    }
}
