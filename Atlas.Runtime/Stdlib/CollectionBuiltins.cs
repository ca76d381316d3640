using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>
/// HashMap, HashSet, Queue and Stack builtins (stdlib.md §7), one part per collection. Maps and sets keep insertion
/// order; an argument collection is changed in place only through its <c>Writable()</c> copy-on-write accessor.
/// </summary>
internal static partial class CollectionBuiltins
{
    internal static void Register()
    {
        RegisterHashMap();
        RegisterHashSet();
        RegisterQueue();
        RegisterStack();
    }

    /// <summary>A map key or set element: number, string, bool or null, otherwise UnhashableType (AT0140).</summary>
    private static HashKey Key(Value v) =>
        HashKey.IsHashable(v) ? new HashKey(v) : throw new AtlasRuntimeException(RuntimeErrorKind.UnhashableType, ValueFormatter.TypeName(v));

    /// <summary>The raw result of the item-returning write-back builtins: <c>[item, newCollection]</c>.</summary>
    private static Value Pair(Value item, Value collection) => Value.Array(new AtlasArray([item, collection], 2));

    /// <summary>Validates the <c>(collection, function)</c> arguments of the collection higher-order builtins (class T texts).</summary>
    private static Value CallbackArgs(string name, Args args, string parameterList, ValueKind kind, string kindName)
    {
        ArgCheck.CallbackArity(name, args, 2, parameterList);
        if (args[0].Kind != kind) throw AtlasRuntimeException.Type($"{name}() first argument must be {kindName}");
        return ArgCheck.Callback(name, args[1]);
    }
}
