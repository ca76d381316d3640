using Atlas.Semantics;

namespace Atlas.Stdlib;

/// <summary>
/// The compile-time signatures of the 65 typed-prelude functions (language.md §14.3); "?" is <see cref="AtlasType.Unknown"/>.
/// </summary>
internal static class PreludeSignatures
{
    private static readonly AtlasType N = AtlasType.Number, S = AtlasType.String, B = AtlasType.Bool, U = AtlasType.Unknown;
    private static readonly AtlasType UArr = new ArrayType(U);
    private static readonly AtlasType SArr = new ArrayType(S);
    private static readonly AtlasType UArrArr = new ArrayType(new ArrayType(U));
    private static FunctionType F(AtlasType ret, params AtlasType[] ps) => new(ps, ret);

    public static readonly IReadOnlyDictionary<string, FunctionType> All = Build();

    public static bool TryGet(string name, out FunctionType signature) => All.TryGetValue(name, out signature!);

    private static Dictionary<string, FunctionType> Build()
    {
        var d = new Dictionary<string, FunctionType>(StringComparer.Ordinal)
        {
            ["print"] = F(AtlasType.Void, U),
            ["len"] = F(N, U),
            ["str"] = F(S, U),
            ["split"] = F(SArr, S, S),
            ["join"] = F(S, SArr, S),
            ["indexOf"] = F(N, S, S),
            ["lastIndexOf"] = F(N, S, S),
            ["includes"] = F(B, S, S),
            ["startsWith"] = F(B, S, S),
            ["endsWith"] = F(B, S, S),
            ["substring"] = F(S, S, N, N),
            ["charAt"] = F(S, S, N),
            ["repeat"] = F(S, S, N),
            ["replace"] = F(S, S, S, S),
            ["padStart"] = F(S, S, N, S),
            ["padEnd"] = F(S, S, N, S),
            ["pop"] = F(UArr, UArr),
            ["shift"] = F(UArr, UArr),
            ["reverse"] = F(UArr, UArr),
            ["unshift"] = F(UArr, UArr, U),
            ["concat"] = F(UArr, UArr, UArr),
            ["flatten"] = F(UArr, UArrArr),
            ["arrayIndexOf"] = F(N, UArr, U),
            ["arrayLastIndexOf"] = F(N, UArr, U),
            ["arrayIncludes"] = F(B, UArr, U),
            ["slice"] = F(UArr, UArr, N, N),
            ["map"] = F(UArr, UArr, F(U, U)),
            ["filter"] = F(UArr, UArr, F(B, U)),
            ["find"] = F(U, UArr, F(B, U)),
            ["findIndex"] = F(N, UArr, F(B, U)),
            ["some"] = F(B, UArr, F(B, U)),
            ["every"] = F(B, UArr, F(B, U)),
            ["reduce"] = F(U, UArr, F(U, U, U), U),
            ["forEach"] = F(AtlasType.Null, UArr, F(AtlasType.Void, U)),
            ["flatMap"] = F(UArr, UArr, F(UArr, U)),
            ["sort"] = F(UArr, UArr, F(N, U, U)),
            ["sortBy"] = F(UArr, UArr, F(N, U)),
            ["min"] = F(N, N, N),
            ["max"] = F(N, N, N),
            ["pow"] = F(N, N, N),
            ["clamp"] = F(N, N, N, N),
            ["random"] = F(N),
            // Tier 2 JSON; the json type is `?` to the checker (language.md §4.1).
            ["parseJSON"] = F(U, S),
            ["toJSON"] = F(S, U),
            ["isValidJSON"] = F(B, S),
            ["prettifyJSON"] = F(S, S, N),
            ["minifyJSON"] = F(S, S),
        };
        foreach (var name in new[] { "trim", "trimStart", "trimEnd", "toUpperCase", "toLowerCase" }) d[name] = F(S, S);
        foreach (var name in new[] { "abs", "floor", "ceil", "round", "sqrt", "log", "sin", "cos", "tan", "asin", "acos", "atan", "sign" })
            d[name] = F(N, N);
        return d;
    }
}
