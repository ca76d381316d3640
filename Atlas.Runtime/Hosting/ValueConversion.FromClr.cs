using System.Collections;
using Atlas.Vm;

namespace Atlas.Hosting;

public static partial class ValueConversion
{
    /// <summary>
    /// The Atlas value of a .NET object: null (and <see cref="DBNull"/>) → null, bool, string, char → string, every
    /// numeric type → number, <see cref="AtlasOption"/>, <see cref="AtlasResult"/>, <see cref="AtlasFunction"/>,
    /// <see cref="Value"/> as is, a dictionary → HashMap, a set → HashSet, Queue&lt;T&gt; → Queue, Stack&lt;T&gt; → Stack,
    /// any other sequence → array. Throws <see cref="ArgumentException"/> for anything else, and for a map key or set
    /// element that is not a number, string, bool or null.
    /// </summary>
    public static Value FromObject(object? value)
    {
        switch (value)
        {
            case null or DBNull: return Value.Null;
            case Value v: return v;
            case bool b: return Value.Bool(b);
            case string s:
                SizeLimits.CheckString(s.Length);
                return Value.String(s);
            case char c: return Value.String(c.ToString());
            case double d: return Value.Number(d);
            case float or int or long or short or byte or sbyte or uint or ulong or ushort or decimal:
                return Value.Number(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
            case AtlasOption o: return o.IsSome ? OptionValue.Some(FromObject(o.Value)) : OptionValue.None;
            case AtlasResult r: return r.IsOk ? ResultValue.Ok(FromObject(r.Value)) : ResultValue.Err(FromObject(r.Error));
            case AtlasFunction f: return f.Value;
            case IDictionary map: return FromDictionary(map);
        }
        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Queue<>))
        {
            var queue = new AtlasQueue();
            foreach (var item in (IEnumerable)value) queue.Items.Add(FromObject(item));
            return Value.Queue(queue);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Stack<>))
        {
            var stack = new AtlasStack();
            // Stack<T> enumerates from the top; Atlas keeps the bottom first.
            foreach (var item in (IEnumerable)value) stack.Items.Insert(0, FromObject(item));
            return Value.Stack(stack);
        }
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)))
        {
            var set = new AtlasSet();
            foreach (var item in (IEnumerable)value) set.Items.TryAdd(HashKeyOf(item), true);
            return Value.Set(set);
        }
        if (value is IEnumerable sequence)
        {
            var items = new List<Value>();
            foreach (var item in sequence) items.Add(FromObject(item));
            SizeLimits.CheckArray(items.Count);
            return Value.Array(new AtlasArray(items.ToArray(), items.Count));
        }
        throw new ArgumentException($"a {type.Name} has no Atlas form", nameof(value));
    }

    private static Value FromDictionary(IDictionary dictionary)
    {
        var map = new AtlasMap();
        foreach (DictionaryEntry entry in dictionary) map.Entries[HashKeyOf(entry.Key)] = FromObject(entry.Value);
        return Value.Map(map);
    }

    private static HashKey HashKeyOf(object? key)
    {
        var value = FromObject(key);
        if (!HashKey.IsHashable(value))
            throw new ArgumentException($"a HashMap key or HashSet element must be a number, string, bool or null, not {ValueFormatter.TypeName(value)}", nameof(key));
        return new HashKey(value);
    }
}
