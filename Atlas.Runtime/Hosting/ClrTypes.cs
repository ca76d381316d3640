using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>The Atlas type a .NET parameter or return type of a host function stands for.</summary>
internal static class ClrTypes
{
    /// <summary>
    /// number for double, float, int and long; string; bool; void; T[] for arrays and lists of a mapped T;
    /// HashMap&lt;K, V&gt; and HashSet&lt;T&gt; for dictionaries and sets of mapped types (<c>?</c> when a part would
    /// be <c>?</c>: type arguments must match exactly); <c>?</c> for object, <see cref="Value"/>,
    /// <see cref="AtlasOption"/>, <see cref="AtlasResult"/> and <see cref="AtlasFunction"/>. Null when there is none.
    /// </summary>
    public static AtlasType? AtlasTypeOf(Type type)
    {
        if (type == typeof(double) || type == typeof(float) || type == typeof(int) || type == typeof(long)) return AtlasType.Number;
        if (type == typeof(string)) return AtlasType.String;
        if (type == typeof(bool)) return AtlasType.Bool;
        if (type == typeof(void)) return AtlasType.Void;
        if (type == typeof(object) || type == typeof(Value) || type == typeof(AtlasOption) || type == typeof(AtlasResult) || type == typeof(AtlasFunction))
            return AtlasType.Unknown;
        if (ClrCollections.SequenceElement(type) is { } element)
            return AtlasTypeOf(element) is { } e && !ReferenceEquals(e, AtlasType.Void) ? new ArrayType(e) : null;
        if (ClrCollections.DictionaryTypes(type) is var (key, value))
            return Generic("HashMap", AtlasTypeOf(key), AtlasTypeOf(value));
        if (ClrCollections.SetElement(type) is { } member)
            return Generic("HashSet", AtlasTypeOf(member));
        return null;
    }

    private static AtlasType? Generic(string name, params AtlasType?[] args)
    {
        if (args.Any(a => a is null || ReferenceEquals(a, AtlasType.Void))) return null;
        return args.Any(a => a!.IsUnknown) ? AtlasType.Unknown : new GenericType(name, args!);
    }
}
