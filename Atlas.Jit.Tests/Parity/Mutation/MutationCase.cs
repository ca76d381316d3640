using System.Text;
using Atlas.Bytecode;
using Atlas.Jit.Tests.TierParity.Bytecode;
using Atlas.Jit.Tests.TierParity.Source;
using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Jit.Tests.TierParity.Mutation;

/// <summary>
/// A valid program (random bytecode or a random Atlas program) with one to three corruptions. Either the validator
/// rejects the result, or both tiers must run it to the same end, without crashing and without hanging. The JIT runs at
/// threshold 1 when <see cref="ThresholdPercent"/> is 0, otherwise at that percentage of the run's hottest counter.
/// </summary>
internal sealed record MutationCase(BProgram? Bytecode, SProgram? Source, Mutation[] Mutations, int ThresholdPercent)
{
    public static Arbitrary<MutationCase> Arbitrary { get; } = Arb.From(
        from useSource in Gen.Elements(false, true)
        from bytecode in BytecodeGenerator.Programs
        from source in SourceGenerator.Programs
        from mutations in Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(MutationGen, n))
        from percent in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 99)))
        select new MutationCase(useSource ? null : bytecode, useSource ? source : null, mutations, percent),
        Shrink);

    private static Gen<Mutation> MutationGen =>
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from target in Gen.Choose(0, 20)
        from a in Gen.Choose(0, 10_000)
        from b in Gen.Choose(0, 10_000)
        select new Mutation(kind, target, a, b);

    private static IEnumerable<MutationCase> Shrink(MutationCase c)
    {
        if (c.Mutations.Length > 1)
            for (int i = 0; i < c.Mutations.Length; i++) yield return c with { Mutations = c.Mutations.Where((_, j) => j != i).ToArray() };
        if (c.Bytecode != null)
            foreach (var p in BytecodeShrinker.Shrink(c.Bytecode)) yield return c with { Bytecode = p };
        if (c.Source != null)
            foreach (var p in SourceShrinker.Shrink(c.Source)) yield return c with { Source = p };
    }

    /// <summary>The unmutated program, freshly built; null when a shrunk base no longer builds.</summary>
    public CompiledProgram? BuildBase()
    {
        try
        {
            return Bytecode != null ? BytecodeLowering.Build(Bytecode) : global::Atlas.Hosting.Pipeline.Compile(Source!.Source).Program;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The mutated program, fresh, with the validator's verdict on each prototype (empty when all pass).</summary>
    public (CompiledProgram Program, List<string> Rejections) Build()
    {
        var original = BuildBase() ?? throw new InvalidOperationException("the base program does not build");
        int count = original.Functions.Count;
        var mutated = ProtoRewriter.Rewrite(original, (i, p) =>
        {
            foreach (var m in Mutations.Where(m => m.Target % count == i)) p = BytecodeMutator.Apply(m, p, original.Functions);
            return p;
        });
        var rejections = new List<string>();
        foreach (var p in mutated.Functions)
            rejections.AddRange(BytecodeValidator.Validate(p, mutated.Globals.Count).Select(e => $"{p.Name}: {e}"));
        return (mutated, rejections);
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine("mutations: " + string.Join("; ", Mutations.Select(m => m.ToString())));
        sb.AppendLine(ThresholdPercent == 0 ? "JIT threshold 1" : $"JIT threshold at {ThresholdPercent} % of the hottest counter");
        sb.AppendLine(Bytecode != null ? "random bytecode:" : "random program:");
        sb.AppendLine(Bytecode != null ? BytecodePrinter.Program(Bytecode).Split("--- disassembly ---")[0] : Source!.Source);
        try
        {
            sb.AppendLine("--- mutated disassembly ---").Append(Disassembler.Disassemble(Build().Program));
        }
        catch (Exception e)
        {
            sb.AppendLine($"(cannot build: {e.Message})");
        }
        return sb.ToString();
    }
}
