using System.Collections;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// Conversions between Atlas values and .NET objects (docs/embedding.md "Values"). Atlas → .NET: number → double,
/// string → string, bool → bool, null → null, array → object?[], Option → <see cref="AtlasOption"/>, Result →
/// <see cref="AtlasResult"/>, HashMap → Dictionary&lt;object, object?&gt;, HashSet → HashSet&lt;object&gt;, Queue →
/// Queue&lt;object?&gt;, Stack → Stack&lt;object?&gt;, function → <see cref="AtlasFunction"/>. Conversions copy: a
/// .NET collection never aliases an Atlas one. A null key or element of a map or set becomes <see cref="DBNull.Value"/>.
/// </summary>
public static partial class ValueConversion
{
    /// <summary>The default .NET form of an Atlas value.</summary>
    public static object? ToObject(Value value) => value.Kind switch
    {
        ValueKind.Undefined or ValueKind.Null => null,
        ValueKind.Number => value.Num,
        ValueKind.String => value.AsString,
        ValueKind.Bool => value.AsBool,
        ValueKind.Array => ToArray(value.AsArray, typeof(object)),
        ValueKind.Option => value.AsOption.IsSome ? AtlasOption.Some(ToObject(value.AsOption.Payload)) : AtlasOption.None,
        ValueKind.Result => value.AsResult.IsOk ? AtlasResult.Ok(ToObject(value.AsResult.Payload)) : AtlasResult.Err(ToObject(value.AsResult.Payload)),
        ValueKind.HashMap => ToDictionary(value.AsMap, typeof(object), typeof(object)),
        ValueKind.HashSet => ToSet(value.AsSet, typeof(object)),
        ValueKind.Queue => new Queue<object?>(QueueItems(value.AsQueue).Select(ToObject)),
        ValueKind.Stack => new Stack<object?>(value.AsStack.Items.Select(ToObject)),
        ValueKind.Function or ValueKind.Builtin => new AtlasFunction(value.Share()),
        ValueKind.Json => value.AsJson,
        _ => throw new InvalidCastException($"an Atlas {value.Kind} has no .NET form"),
    };

    /// <summary>The Atlas value as <typeparamref name="T"/>; <see cref="InvalidCastException"/> when it is not one.</summary>
    public static T ToClr<T>(Value value) => (T)ToClr(value, typeof(T))!;

    /// <summary>
    /// The Atlas value as an instance of <paramref name="target"/>: the types of the default form, also float, int,
    /// long, T[], List&lt;T&gt; and the collection interfaces they implement, Dictionary&lt;K, V&gt;, HashSet&lt;T&gt;,
    /// and <see cref="Value"/> itself. Throws <see cref="InvalidCastException"/> ("expected number, got string") when
    /// the value does not fit, e.g. a fractional number for an int.
    /// </summary>
    public static object? ToClr(Value value, Type target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target == typeof(Value)) return value.Share();
        if (target == typeof(object)) return ToObject(value);
        if (target == typeof(double)) return Expect(value, ValueKind.Number, "number").Num;
        if (target == typeof(string)) return Expect(value, ValueKind.String, "string").AsString;
        if (target == typeof(bool)) return Expect(value, ValueKind.Bool, "bool").AsBool;
        if (target == typeof(int)) return (int)Whole(value, int.MinValue, int.MaxValue);
        if (target == typeof(long)) return (long)Whole(value, -9007199254740992, 9007199254740992);
        if (target == typeof(float)) return (float)Expect(value, ValueKind.Number, "number").Num;
        if (target == typeof(AtlasOption)) return ToObject(Expect(value, ValueKind.Option, "Option"));
        if (target == typeof(AtlasResult)) return ToObject(Expect(value, ValueKind.Result, "Result"));
        if (target == typeof(AtlasFunction))
            return value.Kind is ValueKind.Function or ValueKind.Builtin ? new AtlasFunction(value.Share()) : throw Mismatch("function", value);
        if (target.IsArray && target.GetArrayRank() == 1) return ToArray(Expect(value, ValueKind.Array, "array").AsArray, target.GetElementType()!);
        if (ClrCollections.ListElement(target) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in Expect(value, ValueKind.Array, "array").AsArray.AsSpan()) list.Add(ToClr(item, element));
            return list;
        }
        if (ClrCollections.DictionaryTypes(target) is var (key, item2)) return ToDictionary(Expect(value, ValueKind.HashMap, "HashMap").AsMap, key, item2);
        if (ClrCollections.SetElement(target) is { } member) return ToSet(Expect(value, ValueKind.HashSet, "HashSet").AsSet, member);
        if (target.IsInstanceOfType(ToObject(value))) return ToObject(value);
        throw new InvalidCastException($"an Atlas value cannot become a {target.Name}");
    }

    private static Value Expect(Value value, ValueKind kind, string name) => value.Kind == kind ? value : throw Mismatch(name, value);

    internal static InvalidCastException Mismatch(string expected, Value value) =>
        new($"expected {expected}, got {(value.Kind == ValueKind.Undefined ? "nothing" : ValueFormatter.TypeName(value))}");

    private static double Whole(Value value, double min, double max)
    {
        double d = Expect(value, ValueKind.Number, "number").Num;
        if (d != Math.Floor(d) || d < min || d > max) throw new InvalidCastException($"expected a whole number, got {ValueFormatter.Display(value)}");
        return d;
    }

    private static Array ToArray(AtlasArray array, Type element)
    {
        var result = Array.CreateInstance(element, array.Count);
        for (int i = 0; i < array.Count; i++) result.SetValue(ToClr(array.Items[i], element), i);
        return result;
    }

    private static IDictionary ToDictionary(AtlasMap map, Type key, Type item)
    {
        var result = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, item))!;
        foreach (var (k, v) in map.Entries) result.Add(Key(k.Value, key), ToClr(v, item));
        return result;
    }

    private static object ToSet(AtlasSet set, Type element)
    {
        var result = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(element))!;
        var add = result.GetType().GetMethod(nameof(HashSet<object>.Add))!;
        foreach (var k in set.Items.Keys) add.Invoke(result, [Key(k.Value, element)]);
        return result;
    }

    /// <summary>.NET dictionaries and sets take no null: Atlas's null key is <see cref="DBNull.Value"/> there.</summary>
    private static object Key(Value key, Type type) =>
        key.IsNull && type == typeof(object) ? DBNull.Value : ToClr(key, type) ?? throw Mismatch(type.Name, key);

    private static IEnumerable<Value> QueueItems(AtlasQueue queue)
    {
        for (int i = queue.Head; i < queue.Items.Count; i++) yield return queue.Items[i];
    }
}
