using Atlas.Semantics;

namespace Atlas.Stdlib;

/// <summary>
/// One array method of language.md §8.5: the builtin it maps to, its parameter types (after the receiver), result type and write-back.
/// </summary>
internal sealed record ArrayMethod(string Name, string Builtin, AtlasType[] Parameters, AtlasType Result, WriteBack WriteBack)
{
    private static readonly AtlasType U = AtlasType.Unknown;
    private static readonly AtlasType UArr = new ArrayType(AtlasType.Unknown);

    /// <summary>All array methods by name.</summary>
    public static readonly IReadOnlyDictionary<string, ArrayMethod> All = new Dictionary<string, ArrayMethod>
    {
        ["push"] = new("push", "arrayPush", [U], UArr, WriteBack.ReturnsCollection),
        ["unshift"] = new("unshift", "arrayUnshift", [U], UArr, WriteBack.ReturnsCollection),
        ["reverse"] = new("reverse", "arrayReverse", [], UArr, WriteBack.ReturnsCollection),
        ["pop"] = new("pop", "arrayPop", [], U, WriteBack.ReturnsItem),
        ["shift"] = new("shift", "arrayShift", [], U, WriteBack.ReturnsItem),
        ["sort"] = new("sort", "arraySort", [], UArr, WriteBack.None),
        ["len"] = new("len", "len", [], AtlasType.Number, WriteBack.None),
        ["includes"] = new("includes", "arrayIncludes", [U], AtlasType.Bool, WriteBack.None),
        ["indexOf"] = new("indexOf", "arrayIndexOf", [U], AtlasType.Number, WriteBack.None),
        ["lastIndexOf"] = new("lastIndexOf", "arrayLastIndexOf", [U], AtlasType.Number, WriteBack.None),
        ["slice"] = new("slice", "slice", [AtlasType.Number, AtlasType.Number], UArr, WriteBack.None),
        ["concat"] = new("concat", "concat", [UArr], UArr, WriteBack.None),
        ["flatten"] = new("flatten", "flatten", [], UArr, WriteBack.None),
        ["join"] = new("join", "join", [AtlasType.String], AtlasType.String, WriteBack.None),
    };
}
