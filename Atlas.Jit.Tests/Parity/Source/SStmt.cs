namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>
/// A statement of a random program. <see cref="Text"/> is the variable it declares or assigns (or a loop's counter),
/// <see cref="Extra"/> an operator, type annotation or loop bound, <see cref="Fn"/> a nested function declaration.
/// </summary>
public sealed record SStmt(string Op, SExpr[] Exprs, SStmt[][] Blocks, string Text = "", string Extra = "", SFunc? Fn = null)
{
    public static readonly SStmt[] Empty = [];

    public override string ToString() => SourcePrinter.Stmt(this, 0);
}
