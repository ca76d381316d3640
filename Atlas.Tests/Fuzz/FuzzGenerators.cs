using FsCheck;

namespace Atlas.Tests.Fuzz;

/// <summary>The four generators by name, for the tests, the campaign tool and replaying a reported input.</summary>
public static class FuzzGenerators
{
    public static readonly IReadOnlyDictionary<string, Func<Arbitrary<string>>> ByName = new Dictionary<string, Func<Arbitrary<string>>>
    {
        ["text"] = TextGenerator.Arbitrary,
        ["tokens"] = TokenStreamGenerator.Arbitrary,
        ["mutate"] = MutationGenerator.Arbitrary,
        ["program"] = ProgramGenerator.Arbitrary,
    };

    /// <summary>The <paramref name="index"/>-th input of a campaign with seed <paramref name="seed"/>: sizes cycle 0…100 like FsCheck's.</summary>
    public static string Sample(string generator, ulong seed, long index)
    {
        var gen = ByName[generator]().Generator;
        var rnd = new Rnd(seed * 0x9E3779B97F4A7C15UL + (ulong)index, 0x2545F4914F6CDD1DUL);
        return FsCheck.Fluent.Gen.Sample(gen, size: (int)(index % 101), seed: rnd, numberOfSamples: 1)[0];
    }
}
