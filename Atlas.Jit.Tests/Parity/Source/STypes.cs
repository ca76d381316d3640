namespace Atlas.Jit.Tests.TierParity.Source;

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
