namespace Atlas.Jit.Tests.TierParity.Mutation;

/// <summary>
/// One corruption of one prototype: <see cref="Kind"/> says what changes, <see cref="Target"/> picks the prototype
/// (modulo the count) and <see cref="A"/>/<see cref="B"/> pick positions and values (modulo the relevant sizes), so
/// the same mutation applies deterministically to every fresh build of the program.
/// </summary>
public sealed record Mutation(MutationKind Kind, int Target, int A, int B)
{
    public override string ToString() => $"{Kind} in function #{Target} ({A}, {B})";
}
