using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// How many cases a fuzz property runs and from which seed. CI uses fixed seeds so that a run is reproducible;
/// <c>ATLAS_FUZZ_RUNS</c> overrides the count and <c>ATLAS_FUZZ_SEED</c> the seed (<c>N</c>, FsCheck's
/// <c>N,GAMMA</c> pair or <c>N,GAMMA,SIZE</c> triple from a failure message, or <c>random</c>). See docs/testing.md.
/// </summary>
public sealed record FuzzConfig(int Runs, ulong Seed, ulong Gamma, int? Size = null)
{
    public const string RunsVariable = "ATLAS_FUZZ_RUNS";
    public const string SeedVariable = "ATLAS_FUZZ_SEED";

    /// <summary>Any odd number works as an FsCheck gamma; a fixed one makes a plain seed enough to replay.</summary>
    public const ulong DefaultGamma = 0x9E3779B97F4A7C15UL;

    public static FuzzConfig FromEnvironment(int defaultRuns, ulong defaultSeed)
    {
        int runs = int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : defaultRuns;
        var (seed, gamma, size) = ParseSeed(Environment.GetEnvironmentVariable(SeedVariable)) ?? (defaultSeed, DefaultGamma, null);
        return new FuzzConfig(runs, seed, gamma, size);
    }

    /// <summary>Null when the text is empty or malformed (then the default seed is used).</summary>
    public static (ulong Seed, ulong Gamma, int? Size)? ParseSeed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim().Trim('(', ')');
        if (text == "random") return ((ulong)Random.Shared.NextInt64(), DefaultGamma, null);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > 3 || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seed)) return null;
        ulong gamma = DefaultGamma;
        if (parts.Length > 1 && !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out gamma)) return null;
        int? size = null;
        if (parts.Length > 2)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s)) return null;
            size = s;
        }
        return (seed, gamma | 1, size);
    }

    public Config ToFsCheck() =>
        Config.QuickThrowOnFailure
            .WithMaxTest(Runs)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, Gamma), Size is { } size ? FSharpOption<int>.Some(size) : FSharpOption<int>.None)));

    public override string ToString() => $"{Runs} runs, {SeedVariable}={Seed},{Gamma}{(Size is { } size ? "," + size : "")}";
}
