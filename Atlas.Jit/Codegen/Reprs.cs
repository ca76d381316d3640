using Atlas.Vm;

namespace Atlas.Jit.Codegen;

/// <summary>Lattice operations on <see cref="Repr"/>.</summary>
internal static class Reprs
{
    public static Repr Join(Repr a, Repr b) => a == b ? a : a == Repr.None ? b : b == Repr.None ? a : Repr.Value;

    public static Type ClrType(Repr r) => r switch
    {
        Repr.Double => typeof(double),
        Repr.Bool => typeof(bool),
        _ => typeof(Value),
    };

    public static char Letter(Repr r) => r switch
    {
        Repr.Double => 'd',
        Repr.Bool => 'b',
        _ => 'v',
    };
}
