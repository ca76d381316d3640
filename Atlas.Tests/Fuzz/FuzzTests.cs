using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// One property per generator: whatever the input, the pipeline ends in success, diagnostics or an Atlas runtime
/// error — never a .NET exception, a broken invariant or a hang. Case counts are sized for CI; set
/// ATLAS_FUZZ_RUNS / ATLAS_FUZZ_SEED to run longer or replay (docs/testing.md).
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void ArbitraryText() => Check("text", TextGenerator.Arbitrary(), defaultRuns: 12000, defaultSeed: 1);

    [TestMethod]
    public void TokenStreams() => Check("tokens", TokenStreamGenerator.Arbitrary(), defaultRuns: 6000, defaultSeed: 2);

    [TestMethod]
    public void MutatedPrograms() => Check("mutate", MutationGenerator.Arbitrary(), defaultRuns: 4000, defaultSeed: 3);

    [TestMethod]
    public void GeneratedPrograms() => Check("program", ProgramGenerator.Arbitrary(), defaultRuns: 2000, defaultSeed: 4);

    // Under the JIT every program runs twice (interpreted, then each function compiled on its first call) and the two
    // runs must agree; compiling is slow, so fewer cases.
    [TestMethod]
    public void MutatedProgramsUnderTheJit() => Check("mutate+jit", MutationGenerator.Arbitrary(), defaultRuns: 300, defaultSeed: 5, jit: true);

    [TestMethod]
    public void GeneratedProgramsUnderTheJit() => Check("program+jit", ProgramGenerator.Arbitrary(), defaultRuns: 100, defaultSeed: 6, jit: true);

    private void Check(string name, Arbitrary<string> inputs, int defaultRuns, ulong defaultSeed, bool jit = false)
    {
        var config = FuzzConfig.FromEnvironment(defaultRuns, defaultSeed);
        TestContext.WriteLine($"fuzz {name}: {config}");
        var harness = new FuzzHarness(new FuzzSettings { Jit = jit });
        var property = Prop.ForAll(inputs, source =>
        {
            var result = harness.Run(source);
            if (result.IsBug) throw new FuzzBugException(result);
        });
        FsCheck.Check.One(config.ToFsCheck(), property);
    }
}
