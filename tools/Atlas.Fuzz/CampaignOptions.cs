using Atlas.Tests.Fuzz;

namespace Atlas.Fuzz;

/// <summary>Command-line options of the campaign tool.</summary>
public sealed record CampaignOptions
{
    public string Generator { get; init; } = "all";
    public long Runs { get; init; } = 10_000;
    public ulong Seed { get; init; } = 1;
    public long Start { get; init; }
    public string OutDir { get; init; } = "fuzz-out";
    public int StackMegabytes { get; init; } = FuzzHarness.DefaultStackBytes / (1024 * 1024);
    public int TimeoutMs { get; init; } = 1000;
    /// <summary>Run programs with the JIT too and compare (FuzzSettings.Jit).</summary>
    public bool Jit { get; init; }
    /// <summary>Print every input that did not end Ok, with its code and message.</summary>
    public bool Verbose { get; init; }
    public (string Generator, ulong Seed, long Index)? Replay { get; init; }
    /// <summary>Run the harness on these files instead of generated inputs.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Null when the arguments are not understood.</summary>
    public static CampaignOptions? Parse(string[] args)
    {
        var options = new CampaignOptions();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] is "--verbose" or "--jit")
                {
                    options = args[i] == "--jit" ? options with { Jit = true } : options with { Verbose = true };
                    continue;
                }
                string value = i + 1 < args.Length ? args[i + 1] : throw new FormatException();
                options = args[i] switch
                {
                    "--gen" when value == "all" || FuzzGenerators.ByName.ContainsKey(value) => options with { Generator = value },
                    "--runs" => options with { Runs = long.Parse(value) },
                    "--seed" => options with { Seed = ulong.Parse(value) },
                    "--start" => options with { Start = long.Parse(value) },
                    "--out" => options with { OutDir = value },
                    "--stack-mb" => options with { StackMegabytes = int.Parse(value) },
                    "--timeout-ms" => options with { TimeoutMs = int.Parse(value) },
                    "--replay" => options with { Replay = ParseReplay(value) },
                    "--file" => options with { Files = [.. options.Files, value] },
                    _ => throw new FormatException(),
                };
                i++;
            }
            return options;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return null;
        }
    }

    private static (string, ulong, long) ParseReplay(string value)
    {
        var parts = value.Split(':');
        if (parts.Length != 3 || !FuzzGenerators.ByName.ContainsKey(parts[0])) throw new FormatException();
        return (parts[0], ulong.Parse(parts[1]), long.Parse(parts[2]));
    }
}
