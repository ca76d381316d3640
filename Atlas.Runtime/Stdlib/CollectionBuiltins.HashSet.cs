using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>HashSet builtins (stdlib.md §7.2); class-A messages use the dotted names <c>HashSet.add()</c> etc.</summary>
internal static partial class CollectionBuiltins
{
    private static void RegisterHashSet()
    {
        BuiltinRegistry.Define("hashSetNew", HashSetNew, "A new empty set.");
        BuiltinRegistry.Define("hashSetFromArray", HashSetFromArray, "A set of an array's elements, in first-occurrence order.");
        BuiltinRegistry.Define("hashSetAdd", HashSetAdd, "Adds an element; written back, the call gives the new set.");
        BuiltinRegistry.Define("hashSetRemove", HashSetRemove, "Removes an element; written back, the call gives true if it was present.");
        BuiltinRegistry.Define("hashSetHas", HashSetHas, "True when the element is present.");
        BuiltinRegistry.Define("hashSetSize", (_, a) => Value.Number(Set("HashSet.size", a).Count), "Number of elements.");
        BuiltinRegistry.Define("hashSetIsEmpty", (_, a) => Value.Bool(Set("HashSet.isEmpty", a).Count == 0), "True when the set has no elements.");
        BuiltinRegistry.Define("hashSetClear", HashSetClear, "An empty set; written back.");
        BuiltinRegistry.Define("hashSetUnion", (_, a) => Combine("HashSet.union", a, keepShared: true, addOthers: true),
            "Elements in either set: a's in order, then b's new ones.");
        BuiltinRegistry.Define("hashSetIntersection", (_, a) => Combine("HashSet.intersection", a, keepShared: true, addOthers: false),
            "Elements of a that are also in b.");
        BuiltinRegistry.Define("hashSetDifference", (_, a) => Combine("HashSet.difference", a, keepShared: false, addOthers: false),
            "Elements of a that are not in b.");
        BuiltinRegistry.Define("hashSetSymmetricDifference", (_, a) => Combine("HashSet.symmetricDifference", a, keepShared: false, addOthers: true),
            "Elements in exactly one of the two sets.");
        BuiltinRegistry.Define("hashSetIsSubset", (_, a) => Contains("HashSet.isSubset", a, swap: false), "True when every element of a is in b.");
        BuiltinRegistry.Define("hashSetIsSuperset", (_, a) => Contains("HashSet.isSuperset", a, swap: true), "True when every element of b is in a.");
        BuiltinRegistry.Define("hashSetToArray", HashSetToArray, "The elements as an array, in insertion order.");
        BuiltinRegistry.Define("hashSetForEach", HashSetForEach, "Calls f(element) for each element; returns null.");
        BuiltinRegistry.Define("hashSetMap", HashSetMap, "An array of f(element) for each element.");
        BuiltinRegistry.Define("hashSetFilter", HashSetFilter, "The set of elements for which the predicate returns true.");
    }

    private static AtlasSet Set(string dottedName, Args args, int arity = 1)
    {
        ArgCheck.Arity(dottedName, args, arity);
        return SetArg(dottedName, args[0]);
    }

    private static AtlasSet SetArg(string dottedName, Value v) =>
        v.Kind == ValueKind.HashSet ? v.AsSet : throw ArgCheck.Expected(dottedName, "HashSet", v);

    private static Value HashSetNew(Interpreter vm, Args args)
    {
        ArgCheck.Arity("HashSet.new", args, 0);
        return Value.Set(new AtlasSet());
    }

    private static Value HashSetFromArray(Interpreter vm, Args args)
    {
        ArgCheck.Arity("HashSet.fromArray", args, 1);
        var a = ArgCheck.Array("HashSet.fromArray", args[0]);
        var s = new AtlasSet();
        foreach (var v in a.AsSpan()) s.Items.TryAdd(Key(v), true);
        return Value.Set(s);
    }

    private static Value HashSetAdd(Interpreter vm, Args args)
    {
        ArgCheck.Arity("HashSet.add", args, 2);
        var key = Key(args[1]);
        // Like hashMapPut: a non-set first argument comes back unchanged instead of failing.
        if (args[0].Kind != ValueKind.HashSet) return args[0];
        var s = args[0].AsSet;
        if (s.Items.ContainsKey(key)) return args[0];
        s = s.Writable();
        s.Items.Add(key, true);
        return Value.Set(s);
    }

    private static Value HashSetRemove(Interpreter vm, Args args)
    {
        var s = Set("HashSet.remove", args, 2);
        var key = Key(args[1]);
        if (!s.Items.ContainsKey(key)) return Pair(Value.False, args[0]);
        var result = s.Writable();
        result.Items.Remove(key);
        return Pair(Value.True, Value.Set(result));
    }

    private static Value HashSetHas(Interpreter vm, Args args)
    {
        var s = Set("HashSet.has", args, 2);
        return Value.Bool(s.Items.ContainsKey(Key(args[1])));
    }

    private static Value HashSetClear(Interpreter vm, Args args)
    {
        ArgCheck.Arity("HashSet.clear", args, 1);
        return args[0].Kind == ValueKind.HashSet ? Value.Set(new AtlasSet()) : args[0];
    }

    /// <summary>
    /// Union, intersection, difference and symmetric difference: a's elements in a's order, kept when their membership in
    /// b equals <paramref name="keepShared"/> (union keeps all of them), then optionally b's elements missing from a.
    /// </summary>
    private static Value Combine(string dottedName, Args args, bool keepShared, bool addOthers)
    {
        ArgCheck.Arity(dottedName, args, 2);
        var a = SetArg(dottedName, args[0]);
        var b = SetArg(dottedName, args[1]);
        bool union = keepShared && addOthers;
        var result = new AtlasSet();
        foreach (var key in a.Items.Keys)
            if (union || b.Items.ContainsKey(key) == keepShared) result.Items.Add(key, true);
        if (addOthers)
            foreach (var key in b.Items.Keys)
                if (!a.Items.ContainsKey(key)) result.Items.Add(key, true);
        return Value.Set(result);
    }

    private static Value Contains(string dottedName, Args args, bool swap)
    {
        ArgCheck.Arity(dottedName, args, 2);
        var a = SetArg(dottedName, args[0]);
        var b = SetArg(dottedName, args[1]);
        var (inner, outer) = swap ? (b, a) : (a, b);
        return Value.Bool(inner.Items.Keys.All(outer.Items.ContainsKey));
    }

    private static Value HashSetToArray(Interpreter vm, Args args)
    {
        var s = Set("HashSet.toArray", args);
        var result = new AtlasArray(s.Count);
        foreach (var key in s.Items.Keys) result.Add(key.Value);
        return Value.Array(result);
    }

    private static Value HashSetForEach(Interpreter vm, Args args)
    {
        var f = CallbackArgs("hashSetForEach", args, "set, callback", ValueKind.HashSet, "HashSet");
        var s = args[0].AsSet;
        for (int i = 0; i < s.Count; i++) vm.Invoke(f, [s.Items.GetAt(i).Key.Value]);
        return Value.Null;
    }

    private static Value HashSetMap(Interpreter vm, Args args)
    {
        var f = CallbackArgs("hashSetMap", args, "set, callback", ValueKind.HashSet, "HashSet");
        var s = args[0].AsSet;
        var result = new AtlasArray(s.Count);
        for (int i = 0; i < s.Count; i++) result.Add(vm.Invoke(f, [s.Items.GetAt(i).Key.Value]));
        return Value.Array(result);
    }

    private static Value HashSetFilter(Interpreter vm, Args args)
    {
        var p = CallbackArgs("hashSetFilter", args, "set, predicate", ValueKind.HashSet, "HashSet");
        var s = args[0].AsSet;
        var result = new AtlasSet();
        for (int i = 0; i < s.Count; i++)
        {
            var key = s.Items.GetAt(i).Key;
            if (ArgCheck.PredicateResult("hashSetFilter", vm.Invoke(p, [key.Value]))) result.Items.Add(key, true);
        }
        return Value.Set(result);
    }
}
