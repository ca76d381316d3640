using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Hosting.Examples;

public static class LimitsExample
{
    public static void Run(TextWriter output)
    {
        var options = new AtlasOptions
        {
            Output = output,
            Limits = { MaxDepth = 10_000, Timeout = TimeSpan.FromSeconds(0.5) },
        };
        var engine = new AtlasEngine(options);

        string[] runaways =
        [
            "fn down(n: number) -> number { return down(n + 1); }\ndown(0);",
            "while (true) {}",
            "var s = \"ab\";\nwhile (true) { s = s + s; }",
        ];
        foreach (var script in runaways)
        {
            try
            {
                engine.Evaluate(script);
            }
            catch (AtlasRuntimeException e)
            {
                output.WriteLine($"{e.Code}: {e.Message}");
            }
        }

        // A token cancels one evaluation (LimitOptions.Cancellation cancels all); Interrupt() works from any thread.
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        try
        {
            engine.Evaluate("while (true) {}", cancellation: stop.Token);
        }
        catch (AtlasRuntimeException e)
        {
            output.WriteLine($"{e.Code}: {e.Message}");
        }

        output.WriteLine($"still usable: {engine.Evaluate("1 + 1")}");
    }
}
