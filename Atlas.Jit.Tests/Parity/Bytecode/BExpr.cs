namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// An expression of the random-bytecode model: lowers to code that pushes exactly one value of <see cref="Type"/>.
/// <see cref="Op"/> names the shape (see <see cref="BytecodeLowering"/>); <see cref="Num"/>, <see cref="Text"/> and
/// <see cref="Index"/> are its immediate (a literal, a slot, a function index, a builtin name).
/// </summary>
public sealed record BExpr(string Op, BType Type, BExpr[] Kids, double Num = 0, string Text = "", int Index = 0)
{
    public static readonly BExpr[] None = [];

    public static BExpr Leaf(string op, BType type, double num = 0, string text = "", int index = 0) => new(op, type, None, num, text, index);

    /// <summary>The smallest expression of a type: what the shrinker replaces subtrees with.</summary>
    public static BExpr Simplest(BType type) => type switch
    {
        BType.Num => Leaf("num", type),
        BType.Bool => Leaf("false", type),
        BType.Str => Leaf("str", type),
        BType.Arr => new BExpr("array", type, None),
        BType.Opt => Leaf("none", type),
        _ => Leaf("null", type),
    };

    public override string ToString() => BytecodePrinter.Expr(this);
}
