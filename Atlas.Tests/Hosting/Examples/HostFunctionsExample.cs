using Atlas.Hosting;
using Atlas.Vm;

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

        // The raw form declares its Atlas signature and works on Atlas values; it may call functions back.
        engine.RegisterFunction("applyN", "((number) -> number, number, number) -> number", (vm, args) =>
        {
            var value = args[2];
            for (int i = 0; i < args[1].AsNumber; i++) value = vm.Invoke(args[0], [value]);
            return value;
        });
        output.WriteLine(engine.Evaluate("fn half(x: number) -> number { return x / 2; }\napplyN(half, 3, 80)"));

        // .NET can call Atlas functions too.
        output.WriteLine(engine.Call<double>("half", 5));
    }
}
