using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Hosting.Examples;

public static class ErrorsExample
{
    public static void Run(TextWriter output)
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = output });
        engine.Evaluate("var done = 0;");

        try
        {
            engine.Evaluate("let ratio: number = \"high\";", "config.atl");
        }
        catch (AtlasCompileException e)
        {
            // Message is the first error; Text has every diagnostic as the CLI shows it.
            output.Write(e.Text);
            output.WriteLine($"({e.Diagnostics.Count} diagnostic, code {e.Diagnostics[0].Code})");
        }

        try
        {
            engine.Evaluate("""
                fn average(xs: number[]) -> number {
                    return xs[0] / (len(xs) - 1);
                }
                done = 1;
                average([4]);
                """, "stats.atl");
        }
        catch (AtlasRuntimeException e)
        {
            output.Write(engine.FormatError(e));
        }

        // The engine keeps working, with everything defined before the error.
        output.WriteLine(engine.Evaluate("done + average([4, 8, 12])"));
    }
}
