using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Tests.Fuzz;

/// <summary>Generator (d): grammar-based, mostly well-typed programs (<see cref="ProgramBuilder"/>), so most inputs reach the VM.</summary>
public static class ProgramGenerator
{
    public static Gen<string> Generator() =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => ProgramBuilder.Build(seed, size)));

    public static Arbitrary<string> Arbitrary() => Arb.From(Generator(), TextShrinker.Shrink);
}
