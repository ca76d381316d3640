using Atlas.Bytecode;

namespace Atlas.Jit.Tiering;

/// <summary>
/// Compiled entry points by prototype, with a size limit and least-recently-used eviction (recency = compiled or looked
/// up), and versions: invalidating a prototype bumps its version, so an entry compiled for an older version never hits.
/// </summary>
internal sealed class CodeCache(int sizeLimit)
{
    private sealed record Entry(FunctionProto Proto, CompiledCode Code, int Version);

    private readonly Dictionary<FunctionProto, LinkedListNode<Entry>> _entries = new(ReferenceEqualityComparer.Instance);
    /// <summary>Created at the first invalidation (a value-type instantiation the .NET JIT would compile at start-up).</summary>
    private Dictionary<FunctionProto, int>? _versions;
    /// <summary>Most recently used first.</summary>
    private readonly LinkedList<Entry> _order = new();

    public int SizeLimit { get; } = sizeLimit;
    public int Count => _entries.Count;
    public long Hits { get; private set; }
    public long Misses { get; private set; }
    public long Evictions { get; private set; }
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);

    public int VersionOf(FunctionProto proto) => _versions != null && _versions.TryGetValue(proto, out int v) ? v : 0;

    /// <summary>The entry compiled for the current version of <paramref name="proto"/>, if any.</summary>
    public bool TryGet(FunctionProto proto, out CompiledCode code)
    {
        if (_entries.TryGetValue(proto, out var node) && node.Value.Version == VersionOf(proto))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            Hits++;
            code = node.Value.Code;
            return true;
        }
        Misses++;
        code = null!;
        return false;
    }

    /// <summary>Stores an entry for the current version; returns the prototypes evicted to stay within the limit.</summary>
    public IReadOnlyList<FunctionProto> Add(FunctionProto proto, CompiledCode code)
    {
        Remove(proto);
        _entries[proto] = _order.AddFirst(new Entry(proto, code, VersionOf(proto)));
        var evicted = new List<FunctionProto>();
        while (_entries.Count > SizeLimit && _order.Last is { } oldest)
        {
            Remove(oldest.Value.Proto);
            Evictions++;
            evicted.Add(oldest.Value.Proto);
        }
        return evicted;
    }

    /// <summary>Drops <paramref name="proto"/>'s entry and bumps its version.</summary>
    public void Invalidate(FunctionProto proto)
    {
        Remove(proto);
        int next = VersionOf(proto) + 1;
        (_versions ??= new(ReferenceEqualityComparer.Instance))[proto] = next;
    }

    public IReadOnlyList<FunctionProto> Protos => _order.Select(e => e.Proto).ToList();

    private void Remove(FunctionProto proto)
    {
        if (_entries.Remove(proto, out var node)) _order.Remove(node);
    }
}
