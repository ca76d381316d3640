namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>
/// An expression of a random program. <see cref="Op"/> picks the form (see <see cref="SourcePrinter"/>), <see cref="Text"/>
/// holds a literal, name or operator; a match expression keeps its arms in <see cref="Arms"/>.
/// </summary>
public sealed record SExpr(string Op, SType Type, SExpr[] Kids, string Text = "", SArm[]? Arms = null)
{
    public static readonly SExpr[] None = [];

    public static SExpr Lit(SType type, string text) => new("lit", type, None, text);
    public static SExpr Var(SType type, string name) => new("var", type, None, name);

    /// <summary>The plainest expression of a type, which the shrinker substitutes for subtrees.</summary>
    public static SExpr Simplest(SType type) => type switch
    {
        SType.Num => Lit(type, "0"),
        SType.Str => Lit(type, "\"\""),
        SType.Bool => Lit(type, "false"),
        SType.NumArr => Lit(type, "[0]"),
        SType.OptNum => Lit(type, "None"),
        SType.ResNum => Lit(type, "Ok(0)"),
        // Functions have no literal; the shrinker leaves them alone.
        _ => Var(type, "?"),
    };

    public override string ToString() => SourcePrinter.Expr(this);
}
