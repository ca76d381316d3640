using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Repl.Repl;

/// <summary>
/// The type shown in an echo. The checker leaves some expressions partly unknown (<c>Some(3)</c> is <c>?</c>); where
/// the static type says <c>?</c>, the value that was actually produced fills it in (<c>Option&lt;number&gt;</c>).
/// Known parts are never changed.
/// </summary>
public static class EchoType
{
    public static AtlasType Refine(AtlasType type, Value value) => type switch
    {
        _ when type.IsUnknown => Of(value),
        ArrayType a when value.Kind == ValueKind.Array => new ArrayType(RefineElement(a.Element, value.AsArray)),
        GenericType { Name: "Option", Args: [var t] } when value.Kind == ValueKind.Option && value.AsOption.IsSome =>
            new GenericType("Option", [Refine(t, value.AsOption.Payload)]),
        GenericType { Name: "Result", Args: [var t, var e] } when value.Kind == ValueKind.Result =>
            value.AsResult.IsOk
                ? new GenericType("Result", [Refine(t, value.AsResult.Payload), e])
                : new GenericType("Result", [t, Refine(e, value.AsResult.Payload)]),
        _ => type,
    };

    /// <summary>What a value shows of its type; <c>?</c> where it cannot tell (an empty array's elements, None's payload).</summary>
    public static AtlasType Of(Value value) => value.Kind switch
    {
        ValueKind.Number => AtlasType.Number,
        ValueKind.String => AtlasType.String,
        ValueKind.Bool => AtlasType.Bool,
        ValueKind.Null => AtlasType.Null,
        ValueKind.Array => new ArrayType(ElementOf(value.AsArray)),
        ValueKind.Option => new GenericType("Option", [value.AsOption.IsSome ? Of(value.AsOption.Payload) : AtlasType.Unknown]),
        ValueKind.Result => value.AsResult.IsOk
            ? new GenericType("Result", [Of(value.AsResult.Payload), AtlasType.Unknown])
            : new GenericType("Result", [AtlasType.Unknown, Of(value.AsResult.Payload)]),
        ValueKind.HashMap => new GenericType("HashMap", [AtlasType.Unknown, AtlasType.Unknown]),
        ValueKind.HashSet => new GenericType("HashSet", [AtlasType.Unknown]),
        _ => AtlasType.Unknown,
    };

    private static AtlasType RefineElement(AtlasType element, AtlasArray array) =>
        element.IsUnknown ? ElementOf(array) : array.Count > 0 ? Refine(element, array.Items[0]) : element;

    /// <summary>The common type of the elements, when they all show the same one.</summary>
    private static AtlasType ElementOf(AtlasArray array)
    {
        if (array.Count == 0) return AtlasType.Unknown;
        var first = Of(array.Items[0]);
        // Enough to tell a mixed array; the echo of a huge one should not cost much more than its display.
        for (int i = 1; i < Math.Min(array.Count, 1000); i++)
            if (Of(array.Items[i]).Display != first.Display) return AtlasType.Unknown;
        return first;
    }
}
