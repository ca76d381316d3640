using System.Runtime.CompilerServices;

namespace Atlas.Vm;

/// <summary>
/// A growable array of values with copy-on-write value semantics. An array that has only ever held numbers keeps them
/// unboxed in a <c>double[]</c> (8 bytes an element instead of a 24-byte <see cref="Value"/>, and no kind to check on
/// reads); storing anything else, or asking for <see cref="Items"/>, switches it for good to a <see cref="Value"/>[].
/// </summary>
internal sealed class AtlasArray : CowObject
{
    private Value[]? _items;
    private double[]? _numbers;
    public int Count;

    /// <summary>An empty array that starts with unboxed number storage.</summary>
    public AtlasArray(int capacity = 0) => _numbers = capacity == 0 ? System.Array.Empty<double>() : new double[capacity];

    public AtlasArray(Value[] items, int count) : this(items, null, count) => SizeLimits.CheckArray(count);

    /// <summary>Takes over one storage; the caller has already checked <paramref name="count"/> against the size limit once.</summary>
    private AtlasArray(Value[]? items, double[]? numbers, int count)
    {
        _items = items;
        _numbers = numbers;
        Count = count;
    }

    /// <summary>An array of <paramref name="count"/> values from <paramref name="items"/>, unboxed when they are all numbers.</summary>
    public static AtlasArray Of(Value[] items, int count)
    {
        SizeLimits.CheckArray(count);
        for (int i = 0; i < count; i++)
            if (items[i].Kind != ValueKind.Number) return new AtlasArray(items, null, count);
        var numbers = new double[items.Length];
        for (int i = 0; i < count; i++) numbers[i] = items[i].Num;
        return new AtlasArray(null, numbers, count);
    }

    public static AtlasArray From(IEnumerable<Value> values)
    {
        var items = values.ToArray();
        return new AtlasArray(items, items.Length);
    }

    /// <summary>
    /// The elements as values (the first <see cref="Count"/> entries). Converts unboxed number storage to values once,
    /// so code that works on values directly stays correct; hot paths use <see cref="Get"/>/<see cref="Set"/> instead.
    /// </summary>
    public Value[] Items
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _items ?? BoxNumbers();
    }

    /// <summary>The unboxed storage while every element is a number, otherwise null.</summary>
    public double[]? Numbers => _numbers;

    public Value this[int i] => Get(i);

    /// <summary>Element <paramref name="i"/> (already checked against <see cref="Count"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value Get(int i) => _numbers is { } n ? Value.Number(n[i]) : _items![i];

    /// <summary>Stores element <paramref name="i"/> (already checked against <see cref="Count"/>) in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int i, Value v)
    {
        if (v.Kind != ValueKind.Number) Items[i] = v;
        else if (_numbers is { } n) n[i] = v.Num;
        // A number is stored as a fresh value: with no object reference in it the store needs no GC write barrier,
        // which on a large array costs more than the rest of the store.
        else _items![i] = Value.Number(v.Num);
    }

    /// <summary>
    /// The element read <c>a[index]</c> (language.md §10.3): the one implementation that the interpreter, its fused
    /// handlers, <see cref="ValueOps"/> and compiled code call. Fails with AT0103/AT0006 like
    /// <see cref="ValueOps.Index(double, int)"/>; an element that is itself a copy-on-write container is marked shared,
    /// since the array still holds it.
    /// </summary>
    /// <remarks>
    /// Inline only the commonest case (<see cref="TryReadNumber"/>); the rest is one call. Compiled code inlines this into
    /// every element read, and the .NET JIT stops inlining once a generated method's budget is spent.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value Read(double index) => TryReadNumber(index, out double d) ? Value.Number(d) : ReadOutOfLine(index);

    /// <summary>
    /// The fast case of <see cref="Read"/>: true, with the element, when this array stores numbers unboxed and the index
    /// is a whole number in bounds; false otherwise (then <see cref="Read"/> gives the element or the error). A caller
    /// that stores the result in a <see cref="Value"/> slot builds a fresh <c>Value.Number</c> there, which needs no GC
    /// write barrier; copying a returned <see cref="Value"/> into the slot would.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadNumber(double index, out double value)
    {
        int i = (int)index;
        if (_numbers is { } n && (uint)i < (uint)Count && i == index)
        {
            value = n[i];
            return true;
        }
        value = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Value ReadOutOfLine(double index)
    {
        int i = ValueOps.Index(index, Count);
        if (_numbers is { } n) return Value.Number(n[i]);
        var v = _items![i];
        return v.Kind == ValueKind.Number ? Value.Number(v.Num) : v.Share();
    }

    /// <summary>
    /// The element write <c>a[index] = v</c> with copy-on-write: the index is checked first (so a bad index copies
    /// nothing), then the value is stored in place when this array is unshared, otherwise into a copy. Returns the array
    /// that now holds the element (this one, or the copy that the variable must be given). The one implementation of
    /// element write, called by the interpreter, its fused handlers, <see cref="ValueOps"/> and compiled code; only the
    /// commonest case (<see cref="TryWriteNumber"/>) is inlined, as for <see cref="Read"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AtlasArray Write(double index, Value v) =>
        v.Kind == ValueKind.Number && TryWriteNumber(index, v.Num) ? this : WriteOutOfLine(index, v);

    /// <summary>
    /// The fast case of <see cref="Write"/>: stores the number and returns true when this array is unshared, stores
    /// numbers unboxed and the index is a whole number in bounds; otherwise changes nothing and returns false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWriteNumber(double index, double value)
    {
        int i = (int)index;
        if (Shared || _numbers is not { } n || (uint)i >= (uint)Count || i != index) return false;
        n[i] = value;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private AtlasArray WriteOutOfLine(double index, Value v)
    {
        int i = ValueOps.Index(index, Count);
        var target = Shared ? Clone() : this;
        target.Set(i, v);
        return target;
    }

    public ReadOnlySpan<Value> AsSpan() => Items.AsSpan(0, Count);

    /// <summary>A fresh unshared copy; nested containers become shared because both copies now reference them.</summary>
    public AtlasArray Clone(int extraCapacity = 0)
    {
        // Checked before allocating: doubling a large array must end with AT0011, not an OutOfMemoryException.
        SizeLimits.CheckArray(Count);
        CountCopy();
        int capacity = Math.Max(Count + extraCapacity, Count == 0 ? 4 : Count);
        if (_numbers is { } n)
        {
            var numbers = new double[capacity];
            System.Array.Copy(n, numbers, Count);
            return new AtlasArray(null, numbers, Count);
        }
        var items = new Value[capacity];
        for (int i = 0; i < Count; i++) items[i] = _items![i].Share();
        return new AtlasArray(items, null, Count);
    }

    /// <summary>This array if it may be mutated in place, otherwise an unshared copy.</summary>
    public AtlasArray Writable() => Shared ? Clone() : this;

    public void Add(Value v)
    {
        if (_numbers is { } n && v.Kind == ValueKind.Number)
        {
            if (Count == n.Length) n = GrowNumbers();
            n[Count++] = v.Num;
            return;
        }
        var items = Items;
        if (Count == items.Length) items = GrowItems();
        items[Count++] = v;
    }

    public void Insert(int index, Value v)
    {
        if (Count == Capacity) Grow();
        if (_numbers is { } n && v.Kind == ValueKind.Number)
        {
            System.Array.Copy(n, index, n, index + 1, Count - index);
            n[index] = v.Num;
        }
        else
        {
            var items = Items;
            System.Array.Copy(items, index, items, index + 1, Count - index);
            items[index] = v;
        }
        Count++;
    }

    public Value RemoveAt(int index)
    {
        var v = Get(index);
        if (_numbers is { } n) System.Array.Copy(n, index + 1, n, index, Count - index - 1);
        else
        {
            System.Array.Copy(_items!, index + 1, _items!, index, Count - index - 1);
            _items![Count - 1] = default;
        }
        Count--;
        return v;
    }

    private int Capacity => _numbers?.Length ?? _items!.Length;

    private int NextCapacity()
    {
        SizeLimits.CheckArray(Count + 1L);
        return (int)Math.Min(Math.Max(4, Count * 2L), SizeLimits.MaxArrayLength);
    }

    private void Grow()
    {
        if (_numbers != null) GrowNumbers();
        else GrowItems();
    }

    private double[] GrowNumbers()
    {
        System.Array.Resize(ref _numbers, NextCapacity());
        return _numbers;
    }

    private Value[] GrowItems()
    {
        System.Array.Resize(ref _items, NextCapacity());
        return _items;
    }

    private Value[] BoxNumbers()
    {
        var n = _numbers!;
        var items = new Value[n.Length];
        for (int i = 0; i < Count; i++) items[i] = Value.Number(n[i]);
        _items = items;
        _numbers = null;
        return items;
    }
}
