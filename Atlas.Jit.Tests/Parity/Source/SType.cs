namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>The Atlas types random programs use; each maps to its source syntax (see <see cref="STypes"/>).</summary>
public enum SType
{
    Num,
    Str,
    Bool,
    NumArr,
    OptNum,
    ResNum,
    /// <summary><c>(number) -> number</c>.</summary>
    Fn,
}

/// <summary>Source syntax of <see cref="SType"/>.</summary>
public static class STypes
{
    public static string Syntax(SType t) => t switch
    {
        SType.Num => "number",
        SType.Str => "string",
        SType.Bool => "bool",
        SType.NumArr => "number[]",
        SType.OptNum => "Option<number>",
        SType.ResNum => "Result<number, string>",
        _ => "(number) -> number",
    };
}
