using Atlas.Bytecode;
using Atlas.Hosting;
using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>
/// One random-program test case: the program, and where in its run a mid-run JIT threshold falls (a percentage of the
/// most calls any function receives). <see cref="Shrunk"/> marks candidates made by shrinking.
/// </summary>
internal sealed record SourceCase(SProgram Program, int ThresholdPercent, int CacheLimit, bool Shrunk)
{
    public static Arbitrary<SourceCase> Arbitrary { get; } = Arb.From(
        from program in SourceGenerator.Programs
        from percent in Gen.Choose(1, 99)
        from cache in Gen.Elements(10_000, 10_000, 10_000, 1, 2)
        select new SourceCase(program, percent, cache, false),
        c => SourceShrinker.Shrink(c.Program).Select(p => new SourceCase(p, c.ThresholdPercent, c.CacheLimit, true)));

    /// <summary>The program through the whole front end, or null with the diagnostics when it does not compile.</summary>
    public (CompiledProgram? Program, string Diagnostics) Compile()
    {
        var outcome = Pipeline.Compile(Program.Source);
        var errors = string.Join("\n", outcome.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message} at {d.Span}"));
        return (outcome.Program, errors);
    }

    /// <summary>Fresh prototypes for one run (tiering state lives in them).</summary>
    public CompiledProgram Build() => Compile().Program ?? throw new InvalidOperationException("the program does not compile");

    public override string ToString() => $"mid-run: threshold at {ThresholdPercent} % of the calls, code cache {CacheLimit}\n{Program.Source}";
}
