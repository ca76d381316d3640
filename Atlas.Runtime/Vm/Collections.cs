namespace Atlas.Vm;

/// <summary>HashMap: insertion-ordered, copy-on-write.</summary>
internal sealed class AtlasMap : CowObject
{
    public OrderedDictionary<HashKey, Value> Entries { get; private init; } = new();
    public int Count => Entries.Count;

    public AtlasMap Writable() => Shared ? Clone() : this;

    public AtlasMap Clone()
    {
        CountCopy();
        var m = new AtlasMap();
        foreach (var kv in Entries) m.Entries.Add(kv.Key, kv.Value.Share());
        return m;
    }
}

/// <summary>HashSet: insertion-ordered, copy-on-write.</summary>
internal sealed class AtlasSet : CowObject
{
    public OrderedDictionary<HashKey, bool> Items { get; private init; } = new();
    public int Count => Items.Count;

    public AtlasSet Writable() => Shared ? Clone() : this;

    public AtlasSet Clone()
    {
        CountCopy();
        var s = new AtlasSet();
        foreach (var kv in Items) s.Items.Add(kv.Key, true);
        return s;
    }
}

/// <summary>FIFO queue, copy-on-write; <see cref="Items"/> runs front to back.</summary>
internal sealed class AtlasQueue : CowObject
{
    public List<Value> Items { get; private init; } = new();
    public int Head;
    public int Count => Items.Count - Head;

    public AtlasQueue Writable() => Shared ? Clone() : this;

    public AtlasQueue Clone()
    {
        CountCopy();
        var q = new AtlasQueue();
        for (int i = Head; i < Items.Count; i++) q.Items.Add(Items[i].Share());
        return q;
    }
}

/// <summary>LIFO stack, copy-on-write; <see cref="Items"/> runs bottom to top.</summary>
internal sealed class AtlasStack : CowObject
{
    public List<Value> Items { get; private init; } = new();
    public int Count => Items.Count;

    public AtlasStack Writable() => Shared ? Clone() : this;

    public AtlasStack Clone()
    {
        CountCopy();
        var s = new AtlasStack();
        foreach (var v in Items) s.Items.Add(v.Share());
        return s;
    }
}
