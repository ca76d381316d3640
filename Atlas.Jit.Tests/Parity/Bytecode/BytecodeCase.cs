using Atlas.Bytecode;
using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Jit.Tests.Parity.Bytecode;

/// <summary>
/// One random-bytecode test case: the program, and where in its run a mid-run JIT threshold falls (a percentage of
/// the most calls any function receives). <see cref="Shrunk"/> marks candidates made by shrinking.
/// </summary>
public sealed record BytecodeCase(BProgram Program, int ThresholdPercent, bool Shrunk)
{
    public static Arbitrary<BytecodeCase> Arbitrary { get; } = Arb.From(
        from program in BytecodeGenerator.Programs
        from percent in Gen.Choose(1, 99)
        select new BytecodeCase(program, percent, false),
        c => BytecodeShrinker.Shrink(c.Program).Select(p => new BytecodeCase(p, c.ThresholdPercent, true)));

    /// <summary>Fresh prototypes (tiering state lives in them, so every run builds its own).</summary>
    public CompiledProgram Build() => BytecodeLowering.Build(Program);

    public override string ToString() => $"threshold at {ThresholdPercent} % of the calls\n{Program}";
}
