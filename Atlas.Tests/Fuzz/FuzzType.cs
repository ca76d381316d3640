namespace Atlas.Tests.Fuzz;

/// <summary>The static types the program generator works with.</summary>
public enum FuzzType
{
    Num, Str, Bool, NumArr, StrArr, OptNum, ResNum, FnNum, Map,
}

/// <summary>Atlas spellings of <see cref="FuzzType"/>s.</summary>
public static class FuzzTypes
{
    public static readonly FuzzType[] All = Enum.GetValues<FuzzType>();

    public static string Annotation(this FuzzType type) => type switch
    {
        FuzzType.Num => "number",
        FuzzType.Str => "string",
        FuzzType.Bool => "bool",
        FuzzType.NumArr => "number[]",
        FuzzType.StrArr => "string[]",
        FuzzType.OptNum => "Option<number>",
        FuzzType.ResNum => "Result<number, string>",
        FuzzType.FnNum => "(number) -> number",
        _ => "HashMap<string, number>",
    };

    /// <summary>Types whose values can grow (strings, arrays, maps): an assignment may mention a variable of such a type only once.</summary>
    public static bool IsAggregate(this FuzzType type) => type is FuzzType.Str or FuzzType.NumArr or FuzzType.StrArr or FuzzType.Map;
}
