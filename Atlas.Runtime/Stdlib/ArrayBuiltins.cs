using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>
/// Array builtins (stdlib.md §4.1; the higher-order ones are in the other part). An argument array is changed in place
/// only through <see cref="AtlasArray.Writable"/>, so a shared one is copied first and the caller's value never changes.
/// </summary>
internal static partial class ArrayBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("pop", (_, a) => Pop("pop", a), "Removes the last element; written back, the call gives that element.");
        BuiltinRegistry.Define("shift", (_, a) => Shift("shift", a),
            "Removes the first element; written back, the call gives that element.");
        BuiltinRegistry.Define("unshift", (_, a) => Unshift("unshift", a), "A new array with the value put in front; written back.");
        BuiltinRegistry.Define("reverse", (_, a) => Reverse("reverse", a), "The elements in reverse order; written back.");
        BuiltinRegistry.Define("flatten", Flatten, "Splices nested arrays one level deep; written back.");
        BuiltinRegistry.Define("concat", Concat, "The elements of the first array followed by those of the second.");
        BuiltinRegistry.Define("slice", Slice, "The elements from start (inclusive) to end (exclusive); indexes are clamped to the array.");
        BuiltinRegistry.Define("arrayIndexOf", (_, a) => Search("arrayIndexOf", a, fromEnd: false),
            "Index of the first element equal to the value, or -1.");
        BuiltinRegistry.Define("arrayLastIndexOf", (_, a) => Search("arrayLastIndexOf", a, fromEnd: true),
            "Index of the last element equal to the value, or -1.");
        BuiltinRegistry.Define("arrayIncludes", ArrayIncludes, "True when some element equals the value.");
        BuiltinRegistry.Define("arrayPush", ArrayPush,
            "A new array with the value added at the end (the method a.push(x) stores it back).");
        BuiltinRegistry.Define("arrayUnshift", (_, a) => Unshift("arrayUnshift", a),
            "A new array with the value put in front (a.unshift(x) stores it back).");
        BuiltinRegistry.Define("arrayReverse", (_, a) => Reverse("arrayReverse", a),
            "The elements in reverse order (a.reverse() stores it back).");
        BuiltinRegistry.Define("arrayPop", (_, a) => Pop("arrayPop", a),
            "The pair [last element, remaining array] (a.pop() stores the rest back).");
        BuiltinRegistry.Define("arrayShift", (_, a) => Shift("arrayShift", a),
            "The pair [first element, remaining array] (a.shift() stores the rest back).");
        BuiltinRegistry.Define("arraySort", ArraySort,
            "A sorted copy: numbers ascending, strings by code point; equal elements keep their order.");
        RegisterHigherOrder();
    }

    /// <summary>The raw result of the item-returning write-back builtins: <c>[item, newArray]</c>.</summary>
    private static Value Pair(Value item, AtlasArray rest) => Value.Array(new AtlasArray([item, Value.Array(rest)], 2));

    private static Value Pop(string name, Args args)
    {
        ArgCheck.Arity(name, args, 1);
        var a = ArgCheck.Array(name, args[0]);
        if (a.Count == 0) throw AtlasRuntimeException.Type("Cannot pop from empty array");
        var rest = a.Writable();
        var last = rest.RemoveAt(rest.Count - 1);
        return Pair(last, rest);
    }

    private static Value Shift(string name, Args args)
    {
        ArgCheck.Arity(name, args, 1);
        var a = ArgCheck.Array(name, args[0]);
        if (a.Count == 0) throw AtlasRuntimeException.Type("Cannot shift from empty array");
        var rest = a.Writable();
        var first = rest.RemoveAt(0);
        return Pair(first, rest);
    }

    private static Value Unshift(string name, Args args)
    {
        ArgCheck.Arity(name, args, 2);
        var result = ArgCheck.Array(name, args[0]).Writable();
        result.Insert(0, args[1]);
        return Value.Array(result);
    }

    private static Value ArrayPush(Interpreter vm, Args args)
    {
        ArgCheck.Arity("arrayPush", args, 2);
        var result = ArgCheck.Array("arrayPush", args[0]).Writable();
        result.Add(args[1]);
        return Value.Array(result);
    }

    private static Value Reverse(string name, Args args)
    {
        ArgCheck.Arity(name, args, 1);
        var result = ArgCheck.Array(name, args[0]).Writable();
        System.Array.Reverse(result.Items, 0, result.Count);
        return Value.Array(result);
    }

    private static Value Flatten(Interpreter vm, Args args)
    {
        ArgCheck.Arity("flatten", args, 1);
        var a = ArgCheck.Array("flatten", args[0]);
        var result = new AtlasArray(a.Count);
        foreach (var element in a.AsSpan())
        {
            if (element.IsArray) AddAllShared(result, element.AsArray);
            else result.Add(element.Share());
        }
        return Value.Array(result);
    }

    private static Value Concat(Interpreter vm, Args args)
    {
        ArgCheck.Arity("concat", args, 2);
        var a = ArgCheck.Array("concat", args[0]);
        var b = ArgCheck.Array("concat", args[1]);
        // Checked before anything is appended: `a = concat(a, b)` may update a's own array in place (the variable is
        // borrowed), and a failure half-way must leave it as it was.
        SizeLimits.CheckArray((long)a.Count + b.Count);
        var result = ReferenceEquals(a, b) ? a.Clone(b.Count) : a.Writable();
        AddAllShared(result, b);
        return Value.Array(result);
    }

    /// <summary>
    /// Appends every element of <paramref name="source"/>, marking containers shared since <paramref name="source"/> still
    /// holds them.
    /// </summary>
    internal static void AddAllShared(AtlasArray target, AtlasArray source)
    {
        int n = source.Count;
        for (int i = 0; i < n; i++) target.Add(source.Get(i).Share());
    }

    private static Value Slice(Interpreter vm, Args args)
    {
        ArgCheck.Arity("slice", args, 3);
        var a = ArgCheck.Array("slice", args[0]);
        int start = ClampIndex(ArgCheck.Number("slice", args[1]), a.Count);
        int end = ClampIndex(ArgCheck.Number("slice", args[2]), a.Count);
        if (start > end) throw AtlasRuntimeException.Type($"Invalid slice range: start {start} > end {end}");
        var result = new AtlasArray(end - start);
        for (int i = start; i < end; i++) result.Add(a.Get(i).Share());
        return Value.Array(result);
    }

    // Truncate toward zero, then clamp to [0, length]; NaN counts as 0 (Rust's saturating float-to-int cast).
    private static int ClampIndex(double d, int length) =>
        double.IsNaN(d) ? 0 : (int)Math.Clamp(Math.Truncate(d), 0, length);

    private static Value Search(string name, Args args, bool fromEnd)
    {
        ArgCheck.Arity(name, args, 2);
        var a = ArgCheck.Array(name, args[0]);
        var x = args[1];
        if (fromEnd)
        {
            for (int i = a.Count - 1; i >= 0; i--) if (ValueEquality.AreEqual(a.Get(i), x)) return Value.Number(i);
        }
        else
        {
            for (int i = 0; i < a.Count; i++) if (ValueEquality.AreEqual(a.Get(i), x)) return Value.Number(i);
        }
        return Value.Number(-1);
    }

    private static Value ArrayIncludes(Interpreter vm, Args args) =>
        Value.Bool(Search("arrayIncludes", args, fromEnd: false).Num >= 0);

    private static Value ArraySort(Interpreter vm, Args args)
    {
        ArgCheck.Arity("arraySort", args, 1);
        var a = ArgCheck.Array("arraySort", args[0]);
        return Value.Array(StableSortByKeys(a, a.AsSpan().ToArray()));
    }

    /// <summary>
    /// A new array of <paramref name="a"/>'s elements ordered by <paramref name="keys"/> (one per element) with
    /// <see cref="NaturalOrder.Compare"/>; ties keep their original order.
    /// </summary>
    internal static AtlasArray StableSortByKeys(AtlasArray a, Value[] keys)
    {
        var order = new int[a.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        // The index tie-break makes the comparison a total order, so the unstable Array.Sort yields a stable result.
        System.Array.Sort(order, (x, y) =>
        {
            int c = NaturalOrder.Compare(keys[x], keys[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        var result = new AtlasArray(order.Length);
        foreach (int i in order) result.Add(a.ElementAt(i));
        return result;
    }
}
