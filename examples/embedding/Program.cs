// Atlas embedded in a console program, with the JIT on: the script defines a function, .NET calls it ten thousand
// times, the JIT compiles it once it is hot, and the program reports what the JIT did. docs/embedding.md describes
// the whole hosting API.
using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Vm;

var options = new AtlasOptions { Jit = { Threshold = 100 } }.UseJit();
var engine = new AtlasEngine(options);

// A host function: its Atlas type, (string) -> void, comes from the delegate.
engine.RegisterFunction("report", (string message) => Console.WriteLine($"[host] {message}"));

engine.Evaluate("""
    // Steps of the Collatz sequence from n down to 1.
    fn collatzSteps(n: number) -> number {
        var steps = 0;
        var x = n;
        while (x != 1) {
            if (x % 2 == 0) { x = x / 2; } else { x = 3 * x + 1; }
            steps += 1;
        }
        return steps;
    }
    report("collatzSteps defined");
    """);

int best = 1;
double bestSteps = 0;
for (int n = 1; n < 10_000; n++)
{
    double steps = engine.Call<double>("collatzSteps", n);
    if (steps > bestSteps) (best, bestSteps) = (n, steps);
}
Console.WriteLine($"longest Collatz chain below 10000 starts at {best} ({bestSteps} steps)");

// Globals go both ways, converted to and from Atlas values.
engine.SetGlobal("starts", new[] { 27.0, 97.0, 871.0 });
double[] chains = engine.Evaluate<double[]>("map(starts, collatzSteps)");
Console.WriteLine($"steps from 27, 97, 871: {string.Join(", ", chains)}");

// Errors are exceptions with a stable code; the engine stays usable afterwards.
try
{
    engine.Evaluate("let xs = [1, 2, 3];\nxs[5]");
}
catch (AtlasRuntimeException e)
{
    Console.WriteLine($"runtime error {e.Code}: {e.Message}");
}

var stats = engine.GetJitStats()!;
Console.WriteLine($"JIT: {stats.FunctionsCompiled} function compiled, {stats.CompiledCalls} compiled calls");
