namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// A statement of the random-bytecode model: lowers to code that leaves the operand stack as it found it (empty), so
/// <c>break</c>/<c>continue</c> jumps and loop back-edges always meet the same depth.
/// </summary>
public sealed record BStmt(string Op, BExpr[] Exprs, BStmt[][] Blocks, int Index = 0, double Num = 0, string Text = "")
{
    public static readonly BStmt[] Empty = [];

    public static BStmt Simple(string op, BExpr e, int index = 0) => new(op, [e], [], index);

    public override string ToString() => BytecodePrinter.Stmt(this, 0);
}
