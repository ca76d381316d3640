using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>HashMap builtins (stdlib.md §7.1); class-A messages use the dotted names <c>HashMap.put()</c> etc.</summary>
internal static partial class CollectionBuiltins
{
    private static void RegisterHashMap()
    {
        BuiltinRegistry.Define("hashMapNew", HashMapNew, "A new empty map.");
        BuiltinRegistry.Define("hashMapFromEntries", HashMapFromEntries, "A map built from [key, value] pairs; later duplicates win.");
        BuiltinRegistry.Define("hashMapPut", HashMapPut, "Sets the value of a key; written back, the call gives the new map.");
        BuiltinRegistry.Define("hashMapGet", HashMapGet, "Some(value) for a present key, otherwise None.");
        BuiltinRegistry.Define("hashMapRemove", HashMapRemove, "Removes a key; written back, the call gives Some(old value) or None.");
        BuiltinRegistry.Define("hashMapHas", HashMapHas, "True when the key is present.");
        BuiltinRegistry.Define("hashMapSize", (_, a) => Value.Number(Map("HashMap.size", a).Count), "Number of entries.");
        BuiltinRegistry.Define("hashMapIsEmpty", (_, a) => Value.Bool(Map("HashMap.isEmpty", a).Count == 0), "True when the map has no entries.");
        BuiltinRegistry.Define("hashMapClear", HashMapClear, "An empty map; written back.");
        BuiltinRegistry.Define("hashMapKeys", HashMapKeys, "The keys, in insertion order.");
        BuiltinRegistry.Define("hashMapValues", HashMapValues, "The values, in insertion order of their keys.");
        BuiltinRegistry.Define("hashMapEntries", HashMapEntries, "The [key, value] pairs, in insertion order.");
        BuiltinRegistry.Define("hashMapForEach", HashMapForEach, "Calls f(value, key) for each entry; returns null.");
        BuiltinRegistry.Define("hashMapMap", HashMapMap, "A map with the same keys and values f(value, key).");
        BuiltinRegistry.Define("hashMapFilter", HashMapFilter, "The entries for which p(value, key) returns true.");
    }

    private static AtlasMap Map(string dottedName, Args args, int arity = 1)
    {
        ArgCheck.Arity(dottedName, args, arity);
        var m = args[0];
        return m.Kind == ValueKind.HashMap ? m.AsMap : throw AtlasRuntimeException.Type($"Expected HashMap, got {ValueFormatter.TypeName(m)}");
    }

    private static Value HashMapNew(Interpreter vm, Args args)
    {
        ArgCheck.Arity("HashMap.new", args, 0);
        return Value.Map(new AtlasMap());
    }

    private static Value HashMapFromEntries(Interpreter vm, Args args)
    {
        const string name = "HashMap.fromEntries";
        ArgCheck.Arity(name, args, 1);
        var entries = ArgCheck.Array(name, args[0]);
        var m = new AtlasMap();
        foreach (var entry in entries.AsSpan())
        {
            var pair = ArgCheck.Array(name, entry);
            if (pair.Count != 2) throw AtlasRuntimeException.Type("Entry must be [key, value] array with exactly 2 elements");
            m.Entries[Key(pair[0])] = pair[1].Share();
        }
        return Value.Map(m);
    }

    private static Value HashMapPut(Interpreter vm, Args args)
    {
        ArgCheck.Arity("HashMap.put", args, 3);
        var key = Key(args[1]);
        // REF-QUIRK (stdlib.md §7.1): a non-map first argument comes back unchanged instead of failing.
        if (args[0].Kind != ValueKind.HashMap) return args[0];
        var m = args[0].AsMap.Writable();
        m.Entries[key] = args[2];
        return Value.Map(m);
    }

    private static Value HashMapGet(Interpreter vm, Args args)
    {
        var m = Map("HashMap.get", args, 2);
        return m.Entries.TryGetValue(Key(args[1]), out var v) ? OptionValue.Some(v.Share()) : OptionValue.None;
    }

    private static Value HashMapRemove(Interpreter vm, Args args)
    {
        var m = Map("HashMap.remove", args, 2);
        var key = Key(args[1]);
        if (!m.Entries.ContainsKey(key)) return Pair(OptionValue.None, args[0]);
        var result = m.Writable();
        result.Entries.Remove(key, out var old);
        return Pair(OptionValue.Some(old), Value.Map(result));
    }

    private static Value HashMapHas(Interpreter vm, Args args)
    {
        var m = Map("HashMap.has", args, 2);
        return Value.Bool(m.Entries.ContainsKey(Key(args[1])));
    }

    private static Value HashMapClear(Interpreter vm, Args args)
    {
        ArgCheck.Arity("HashMap.clear", args, 1);
        return args[0].Kind == ValueKind.HashMap ? Value.Map(new AtlasMap()) : args[0];
    }

    private static Value HashMapKeys(Interpreter vm, Args args)
    {
        var m = Map("HashMap.keys", args);
        var result = new AtlasArray(m.Count);
        foreach (var key in m.Entries.Keys) result.Add(key.Value);
        return Value.Array(result);
    }

    private static Value HashMapValues(Interpreter vm, Args args)
    {
        var m = Map("HashMap.values", args);
        var result = new AtlasArray(m.Count);
        foreach (var v in m.Entries.Values) result.Add(v.Share());
        return Value.Array(result);
    }

    private static Value HashMapEntries(Interpreter vm, Args args)
    {
        var m = Map("HashMap.entries", args);
        var result = new AtlasArray(m.Count);
        foreach (var (key, v) in m.Entries) result.Add(Value.Array(new AtlasArray([key.Value, v.Share()], 2)));
        return Value.Array(result);
    }

    private static Value HashMapForEach(Interpreter vm, Args args)
    {
        var f = CallbackArgs("hashMapForEach", args, "map, callback", ValueKind.HashMap, "HashMap");
        var m = args[0].AsMap;
        for (int i = 0; i < m.Count; i++)
        {
            var (key, v) = m.Entries.GetAt(i);
            vm.Invoke(f, [v.Share(), key.Value]);
        }
        return Value.Null;
    }

    private static Value HashMapMap(Interpreter vm, Args args)
    {
        var f = CallbackArgs("hashMapMap", args, "map, callback", ValueKind.HashMap, "HashMap");
        var m = args[0].AsMap;
        var result = new AtlasMap();
        for (int i = 0; i < m.Count; i++)
        {
            var (key, v) = m.Entries.GetAt(i);
            result.Entries.Add(key, vm.Invoke(f, [v.Share(), key.Value]));
        }
        return Value.Map(result);
    }

    private static Value HashMapFilter(Interpreter vm, Args args)
    {
        var p = CallbackArgs("hashMapFilter", args, "map, predicate", ValueKind.HashMap, "HashMap");
        var m = args[0].AsMap;
        var result = new AtlasMap();
        for (int i = 0; i < m.Count; i++)
        {
            var (key, v) = m.Entries.GetAt(i);
            if (ArgCheck.PredicateResult("hashMapFilter", vm.Invoke(p, [v.Share(), key.Value]))) result.Entries.Add(key, v.Share());
        }
        return Value.Map(result);
    }
}
