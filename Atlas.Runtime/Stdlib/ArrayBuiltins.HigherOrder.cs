using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>Higher-order array builtins (stdlib.md §4.2). Elements handed to callbacks are shared: the array still holds them.</summary>
internal static partial class ArrayBuiltins
{
    private const string Callback = "array, callback";
    private const string Predicate = "array, predicate";

    private static void RegisterHigherOrder()
    {
        BuiltinRegistry.Define("map", Map, "A new array of the callback's results for each element.");
        BuiltinRegistry.Define("filter", Filter, "The elements for which the predicate returns true.");
        BuiltinRegistry.Define("reduce", Reduce,
            "Folds the elements left to right: acc = reducer(acc, x), starting from the initial value.");
        BuiltinRegistry.Define("forEach", ForEach, "Calls the callback with each element; returns null.");
        BuiltinRegistry.Define("find", Find, "The first element for which the predicate returns true, or null.");
        BuiltinRegistry.Define("findIndex", FindIndex, "The index of the first element for which the predicate returns true, or -1.");
        BuiltinRegistry.Define("flatMap", FlatMap, "Maps each element and splices array results into one array.");
        BuiltinRegistry.Define("some", (vm, a) => Any(vm, a, "some", wanted: true),
            "True when the predicate returns true for some element (stops at the first).");
        BuiltinRegistry.Define("every", (vm, a) => Any(vm, a, "every", wanted: false),
            "True when the predicate returns true for every element (stops at the first false).");
        BuiltinRegistry.Define("sort", Sort, "A stable sorted copy using a comparator: a negative result puts the first argument first.");
        BuiltinRegistry.Define("sortBy", SortBy, "A stable sorted copy ordered by a key computed once per element (numbers or strings).");
    }

    /// <summary>Validates <c>(array, function[, extra])</c> in the spec's order: count, array, function.</summary>
    private static (AtlasArray Array, Value Fn) HigherOrderArgs(string name, Args args, int count, string parameterList)
    {
        ArgCheck.CallbackArity(name, args, count, parameterList);
        if (!args[0].IsArray) throw AtlasRuntimeException.Type($"{name}() first argument must be array");
        return (args[0].AsArray, ArgCheck.Callback(name, args[1]));
    }

    private static Value Map(Interpreter vm, Args args)
    {
        var (a, f) = HigherOrderArgs("map", args, 2, Callback);
        var result = new AtlasArray(a.Count);
        for (int i = 0; i < a.Count; i++) result.Add(vm.Invoke(f, [a.ElementAt(i)]));
        return Value.Array(result);
    }

    private static Value Filter(Interpreter vm, Args args)
    {
        var (a, p) = HigherOrderArgs("filter", args, 2, Predicate);
        var result = new AtlasArray();
        for (int i = 0; i < a.Count; i++)
        {
            var x = a.ElementAt(i);
            if (ArgCheck.PredicateResult("filter", vm.Invoke(p, [x]))) result.Add(x);
        }
        return Value.Array(result);
    }

    private static Value Reduce(Interpreter vm, Args args)
    {
        var (a, f) = HigherOrderArgs("reduce", args, 3, "array, reducer, initial");
        var acc = args[2];
        for (int i = 0; i < a.Count; i++) acc = vm.Invoke(f, [acc, a.ElementAt(i)]);
        return acc;
    }

    private static Value ForEach(Interpreter vm, Args args)
    {
        var (a, f) = HigherOrderArgs("forEach", args, 2, Callback);
        for (int i = 0; i < a.Count; i++) vm.Invoke(f, [a.ElementAt(i)]);
        return Value.Null;
    }

    private static Value Find(Interpreter vm, Args args)
    {
        var (a, i) = FirstMatch(vm, args, "find");
        return i < 0 ? Value.Null : a.ElementAt(i);
    }

    private static Value FindIndex(Interpreter vm, Args args) => Value.Number(FirstMatch(vm, args, "findIndex").Index);

    private static (AtlasArray Array, int Index) FirstMatch(Interpreter vm, Args args, string name)
    {
        var (a, p) = HigherOrderArgs(name, args, 2, Predicate);
        for (int i = 0; i < a.Count; i++)
            if (ArgCheck.PredicateResult(name, vm.Invoke(p, [a.ElementAt(i)]))) return (a, i);
        return (a, -1);
    }

    private static Value FlatMap(Interpreter vm, Args args)
    {
        var (a, f) = HigherOrderArgs("flatMap", args, 2, Callback);
        var result = new AtlasArray(a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            var r = vm.Invoke(f, [a.ElementAt(i)]);
            if (r.IsArray) AddAllShared(result, r.AsArray);
            else result.Add(r);
        }
        return Value.Array(result);
    }

    // some: stop at the first element whose predicate is true; every: at the first that is false.
    private static Value Any(Interpreter vm, Args args, string name, bool wanted)
    {
        var (a, p) = HigherOrderArgs(name, args, 2, Predicate);
        for (int i = 0; i < a.Count; i++)
            if (ArgCheck.PredicateResult(name, vm.Invoke(p, [a.ElementAt(i)])) == wanted) return Value.Bool(wanted);
        return Value.Bool(!wanted);
    }

    /// <summary>The insertion sort stdlib.md §4.2 prescribes: its comparator calls are observable, so the algorithm is fixed.</summary>
    private static Value Sort(Interpreter vm, Args args)
    {
        var (a, cmp) = HigherOrderArgs("sort", args, 2, "array, comparator");
        var result = a.Writable();
        var items = result.Items;
        for (int i = 1; i < result.Count; i++)
        {
            for (int j = i; j > 0; j--)
            {
                var r = vm.Invoke(cmp, [items[j].Share(), items[j - 1].Share()]);
                if (!r.IsNumber) throw AtlasRuntimeException.Type("sort() comparator must return number");
                if (!(r.Num < 0)) break;
                (items[j], items[j - 1]) = (items[j - 1], items[j]);
            }
        }
        return Value.Array(result);
    }

    private static Value SortBy(Interpreter vm, Args args)
    {
        var (a, key) = HigherOrderArgs("sortBy", args, 2, "array, keyExtractor");
        var keys = new Value[a.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = vm.Invoke(key, [a.ElementAt(i)]);
        return Value.Array(StableSortByKeys(a, keys));
    }
}
