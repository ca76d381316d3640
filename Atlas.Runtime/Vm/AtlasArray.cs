namespace Atlas.Vm;

/// <summary>A growable array of values with copy-on-write value semantics.</summary>
public sealed class AtlasArray : CowObject
{
    public Value[] Items;
    public int Count;

    public AtlasArray(int capacity = 0) => Items = capacity == 0 ? System.Array.Empty<Value>() : new Value[capacity];

    public AtlasArray(Value[] items, int count)
    {
        SizeLimits.CheckArray(count);
        Items = items;
        Count = count;
    }

    public static AtlasArray From(IEnumerable<Value> values)
    {
        var items = values.ToArray();
        return new AtlasArray(items, items.Length);
    }

    public Value this[int i] => Items[i];

    public ReadOnlySpan<Value> AsSpan() => Items.AsSpan(0, Count);

    /// <summary>A fresh unshared copy; nested containers become shared because both copies now reference them.</summary>
    public AtlasArray Clone(int extraCapacity = 0)
    {
        var items = new Value[Math.Max(Count + extraCapacity, Count == 0 ? 4 : Count)];
        for (int i = 0; i < Count; i++) items[i] = Items[i].Share();
        return new AtlasArray(items, Count);
    }

    /// <summary>This array if it may be mutated in place, otherwise an unshared copy.</summary>
    public AtlasArray Writable() => Shared ? Clone() : this;

    public void Add(Value v)
    {
        if (Count == Items.Length) Grow();
        Items[Count++] = v;
    }

    public void Insert(int index, Value v)
    {
        if (Count == Items.Length) Grow();
        System.Array.Copy(Items, index, Items, index + 1, Count - index);
        Items[index] = v;
        Count++;
    }

    private void Grow()
    {
        SizeLimits.CheckArray(Count + 1L);
        System.Array.Resize(ref Items, (int)Math.Min(Math.Max(4, Count * 2L), SizeLimits.MaxArrayLength));
    }

    public Value RemoveAt(int index)
    {
        var v = Items[index];
        System.Array.Copy(Items, index + 1, Items, index, Count - index - 1);
        Count--;
        Items[Count] = default;
        return v;
    }
}
