using Atlas.Hosting;

namespace Atlas.Tests.Hosting.Examples;

public static class GlobalsExample
{
    public static void Run(TextWriter output)
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = output });

        // A global set from .NET gets the Atlas type of its value: prices is number[], currency is string.
        engine.SetGlobal("prices", new[] { 3.5, 5.0, 8.25 });
        engine.SetGlobal("currency", "EUR");
        output.WriteLine($"prices : {engine.GetGlobalType("prices")}");

        engine.Evaluate("""
            var total = 0;
            for p in prices { total += p; }
            let summary = str(total) + " " + currency;
            """);
        output.WriteLine(engine.GetGlobal<string>("summary"));

        // The type is checked: a script may not use prices as something else.
        try
        {
            engine.Evaluate("let wrong: string = prices;");
        }
        catch (AtlasCompileException e)
        {
            output.WriteLine(e.Message);
        }

        // When the value cannot tell (an empty array), give the type.
        engine.SetGlobal("names", Array.Empty<string>(), "string[]");
        engine.Evaluate("names.push(\"Ada\");");
        output.WriteLine(string.Join(", ", engine.GetGlobal<List<string>>("names")));
    }
}
