using Atlas.Bytecode;
using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// Atlas types read off run-time values: what a value shows of its type (the REPL's echo, a global set by a host) and
/// whether a value fits a static type (a host writing into a typed global or calling a typed function).
/// </summary>
internal static class ValueTypes
{
    /// <summary>
    /// <paramref name="type"/> with its <c>?</c> parts filled in from <paramref name="value"/> (<c>Some(3)</c> checks as
    /// <c>?</c> and shows as <c>Option&lt;number&gt;</c>). Known parts are never changed.
    /// </summary>
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
    /// <param name="value">The value.</param>
    /// <param name="exhaustive">
    /// Look at every element of an array. Without it only the first thousand decide, which is enough for a display but
    /// not for a type the checker will rely on.
    /// </param>
    public static AtlasType Of(Value value, bool exhaustive = false) => value.Kind switch
    {
        ValueKind.Number => AtlasType.Number,
        ValueKind.String => AtlasType.String,
        ValueKind.Bool => AtlasType.Bool,
        ValueKind.Null => AtlasType.Null,
        ValueKind.Array => new ArrayType(ElementOf(value.AsArray, exhaustive)),
        ValueKind.Option => new GenericType("Option", [value.AsOption.IsSome ? Of(value.AsOption.Payload, exhaustive) : AtlasType.Unknown]),
        ValueKind.Result => value.AsResult.IsOk
            ? new GenericType("Result", [Of(value.AsResult.Payload, exhaustive), AtlasType.Unknown])
            : new GenericType("Result", [AtlasType.Unknown, Of(value.AsResult.Payload, exhaustive)]),
        ValueKind.HashMap => new GenericType("HashMap", [AtlasType.Unknown, AtlasType.Unknown]),
        ValueKind.HashSet => new GenericType("HashSet", [AtlasType.Unknown]),
        _ => AtlasType.Unknown,
    };

    /// <summary>
    /// Whether <paramref name="value"/> may be stored where the checker assumes <paramref name="type"/>: compiled code
    /// trusts static types, so a host must not put a string where scripts were checked against a number. Payloads are
    /// checked deeply; a function value is only checked for being callable with the right number of arguments.
    /// </summary>
    public static bool Fits(Value value, AtlasType type)
    {
        if (type.IsUnknown || type is TypeParameterType) return true;
        switch (type)
        {
            case UnionType u: return u.Members.Any(m => Fits(value, m));
            case ArrayType a:
                if (value.Kind != ValueKind.Array) return false;
                foreach (var item in value.AsArray.AsSpan())
                    if (!Fits(item, a.Element)) return false;
                return true;
            case FunctionType f:
                return value.Kind == ValueKind.Builtin || (value.Kind == ValueKind.Function && value.AsFunction.Proto.Arity == f.Parameters.Count);
            case GenericType { Name: "Option", Args: [var t] }:
                return value.Kind == ValueKind.Option && (!value.AsOption.IsSome || Fits(value.AsOption.Payload, t));
            case GenericType { Name: "Result", Args: [var t, var e] }:
                return value.Kind == ValueKind.Result && Fits(value.AsResult.Payload, value.AsResult.IsOk ? t : e);
            case GenericType { Name: "HashMap", Args: [var k, var v] }:
                return value.Kind == ValueKind.HashMap && value.AsMap.Entries.All(p => Fits(p.Key.Value, k) && Fits(p.Value, v));
            case GenericType { Name: "HashSet", Args: [var t] }:
                return value.Kind == ValueKind.HashSet && value.AsSet.Items.Keys.All(key => Fits(key.Value, t));
            case GenericType { Name: "Array", Args: [var t] }:
                return Fits(value, new ArrayType(t));
        }
        if (ReferenceEquals(type, AtlasType.Number)) return value.Kind == ValueKind.Number;
        if (ReferenceEquals(type, AtlasType.String)) return value.Kind == ValueKind.String;
        if (ReferenceEquals(type, AtlasType.Bool)) return value.Kind == ValueKind.Bool;
        if (ReferenceEquals(type, AtlasType.Null) || ReferenceEquals(type, AtlasType.Void)) return value.Kind == ValueKind.Null;
        return false;
    }

    /// <summary>Whether <paramref name="value"/> has the kind a prototype's parameter or local of this static type holds.</summary>
    public static bool Fits(Value value, StaticType type) => type switch
    {
        StaticType.Number => value.Kind == ValueKind.Number,
        StaticType.Bool => value.Kind == ValueKind.Bool,
        StaticType.String => value.Kind == ValueKind.String,
        StaticType.Null or StaticType.Void => value.Kind == ValueKind.Null,
        StaticType.Array or StaticType.NumberArray => value.Kind == ValueKind.Array,
        StaticType.Function => value.Kind is ValueKind.Function or ValueKind.Builtin,
        StaticType.Option => value.Kind == ValueKind.Option,
        StaticType.Result => value.Kind == ValueKind.Result,
        StaticType.Collection => value.Kind is ValueKind.HashMap or ValueKind.HashSet,
        _ => true,
    };

    private static AtlasType RefineElement(AtlasType element, AtlasArray array) =>
        element.IsUnknown ? ElementOf(array, exhaustive: false) : array.Count > 0 ? Refine(element, array.Items[0]) : element;

    /// <summary>The common type of the elements, when they all show the same one.</summary>
    private static AtlasType ElementOf(AtlasArray array, bool exhaustive)
    {
        if (array.Count == 0) return AtlasType.Unknown;
        var first = Of(array.Items[0], exhaustive);
        // A thousand is enough to tell a mixed array in an echo, which should not cost much more than its display.
        int end = exhaustive ? array.Count : Math.Min(array.Count, 1000);
        for (int i = 1; i < end; i++)
            if (Of(array.Items[i], exhaustive).Display != first.Display) return AtlasType.Unknown;
        return first;
    }
}
