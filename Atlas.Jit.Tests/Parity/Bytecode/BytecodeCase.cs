using Atlas.Bytecode;
using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// One random-bytecode test case: the program, and where in its run a mid-run JIT threshold falls (a percentage of
/// the most calls any function receives) and the code cache size for that run (tiny caches evict compiled code
/// mid-run). <see cref="Shrunk"/> marks candidates made by shrinking.
/// </summary>
internal sealed record BytecodeCase(BProgram Program, int ThresholdPercent, int CacheLimit, bool Shrunk)
{
    public static Arbitrary<BytecodeCase> Arbitrary { get; } = Arb.From(
        from program in BytecodeGenerator.Programs
        from percent in Gen.Choose(1, 99)
        from cache in Gen.Elements(10_000, 10_000, 10_000, 1, 2)
        select new BytecodeCase(program, percent, cache, false),
        c => BytecodeShrinker.Shrink(c.Program).Select(p => new BytecodeCase(p, c.ThresholdPercent, c.CacheLimit, true)));

    /// <summary>Fresh prototypes (tiering state lives in them, so every run builds its own).</summary>
    public CompiledProgram Build() => BytecodeLowering.Build(Program);

    public override string ToString() => $"mid-run: threshold at {ThresholdPercent} % of the calls, code cache {CacheLimit}\n{Program}";
}
