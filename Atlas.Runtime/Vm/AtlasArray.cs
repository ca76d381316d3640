using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Atlas.Vm;

/// <summary>
/// A growable array of values with copy-on-write value semantics, in one of four storages (exactly one field is set):
/// while every element is a whole number from 0 to 255 (not -0) a <c>byte[]</c> (a sieve of 0/1 flags: one byte an
/// element, so five million stay in cache); while every element is a whole number in the <c>int</c> range an
/// <c>int[]</c> (4 bytes: an array of indices); while every element is a number a <c>double[]</c> (8 bytes instead of a
/// 24-byte <see cref="Value"/>); otherwise a <see cref="Value"/>[]. Storing something that does not fit widens the
/// storage for good (bytes → ints → doubles → values), as does asking for <see cref="Items"/>. Element reads test the
/// storages in the order ints, doubles, bytes (compiled code's <see cref="ReadNumberOrNaN"/>: doubles, ints, bytes): the
/// wider ones, which most arrays have, are reached first.
/// </summary>
internal sealed class AtlasArray : CowObject
{
    private Value[]? _items;
    private double[]? _numbers;
    private int[]? _ints;
    private byte[]? _bytes;
    public int Count;

    /// <summary>
    /// An empty array marked shared, which nothing ever writes to: compiled code's stand-in for a global array it keeps in a
    /// local while the global holds no array (every element read is out of range, every in-place write refused).
    /// </summary>
    public static readonly AtlasArray None = new() { Shared = true };

    /// <summary>An empty array that starts with small-whole-number storage.</summary>
    public AtlasArray(int capacity = 0) => _bytes = capacity == 0 ? System.Array.Empty<byte>() : new byte[capacity];

    public AtlasArray(Value[] items, int count) : this(items, null, null, null, count) => SizeLimits.CheckArray(count);

    /// <summary>Takes over one storage; the caller has already checked <paramref name="count"/> against the size limit once.</summary>
    private AtlasArray(Value[]? items, double[]? numbers, int[]? ints, byte[]? bytes, int count)
    {
        _items = items;
        _numbers = numbers;
        _ints = ints;
        _bytes = bytes;
        Count = count;
    }

    /// <summary>An array of <paramref name="count"/> values from <paramref name="items"/>, unboxed when they are all numbers.</summary>
    public static AtlasArray Of(Value[] items, int count)
    {
        SizeLimits.CheckArray(count);
        bool whole = true, small = true;
        for (int i = 0; i < count; i++)
        {
            if (items[i].Kind != ValueKind.Number) return new AtlasArray(items, null, null, null, count);
            whole &= IsWhole(items[i].Num, out int w);
            small &= (uint)w <= byte.MaxValue;
        }
        if (whole && small)
        {
            var bytes = new byte[items.Length];
            for (int i = 0; i < count; i++) bytes[i] = (byte)items[i].Num;
            return new AtlasArray(null, null, null, bytes, count);
        }
        if (whole)
        {
            var ints = new int[items.Length];
            for (int i = 0; i < count; i++) ints[i] = (int)items[i].Num;
            return new AtlasArray(null, null, ints, null, count);
        }
        var numbers = new double[items.Length];
        for (int i = 0; i < count; i++) numbers[i] = items[i].Num;
        return new AtlasArray(null, numbers, null, null, count);
    }

    /// <summary>Whether <paramref name="v"/> is stored exactly by an <c>int</c> (whole, in range, and not -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhole(double v, out int i)
    {
        i = ValueOps.TruncateUnchecked(v);
        return i == v && (i != 0 || BitConverter.DoubleToInt64Bits(v) == 0);
    }

    /// <summary>Whether <paramref name="v"/> is stored exactly by a <c>byte</c> (whole, 0 to 255, and not -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsSmall(double v, out byte b)
    {
        bool small = IsWhole(v, out int i) && (uint)i <= byte.MaxValue;
        b = (byte)i;
        return small;
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

    /// <summary>Whether every element is a number held unboxed (whole-number or double storage).</summary>
    public bool IsUnboxed => _items == null;

    /// <summary>Whether the storage is whole numbers (<c>byte</c> or <c>int</c>).</summary>
    public bool HoldsWholeNumbers => _ints != null || _bytes != null;

    /// <summary>The storage's name (bytes, ints, doubles, values), for tests and diagnostics.</summary>
    public string StorageKind => _bytes != null ? "bytes" : _ints != null ? "ints" : _numbers != null ? "doubles" : "values";

    public Value this[int i] => Get(i);

    /// <summary>Element <paramref name="i"/> (already checked against <see cref="Count"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value Get(int i) =>
        _ints is { } w ? Value.Number(w[i])
        : _numbers is { } n ? Value.Number(n[i])
        : _bytes is { } b ? Value.Number(b[i])
        : _items![i];

    /// <summary>Stores element <paramref name="i"/> (already checked against <see cref="Count"/>) in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int i, Value v)
    {
        if (v.Kind != ValueKind.Number) Items[i] = v;
        else if (_ints is { } w && IsWhole(v.Num, out int whole)) w[i] = whole;
        else if (_numbers is { } n) n[i] = v.Num;
        else if (_bytes is { } b && IsSmall(v.Num, out byte small)) b[i] = small;
        // A number the whole-number storage cannot hold: widen once, to ints if it is whole, else to doubles.
        else if (_bytes != null && IsWhole(v.Num, out whole)) Ints()[i] = whole;
        else if (_ints != null || _bytes != null) Doubles()[i] = v.Num;
        // A number is stored as a fresh value: with no object reference in it the store needs no GC write barrier,
        // which on a large array costs more than the rest of the store.
        else _items![i] = Value.Number(v.Num);
    }

    /// <summary>
    /// The element read <c>a[index]</c> (language.md §10.3): the one implementation that the interpreter, its fused
    /// handlers, <see cref="ValueOps"/> and compiled code call. Fails with AT0103/AT0006 like <see cref="ValueOps.Index(double, int)"/>;
    /// an element that is itself a copy-on-write container is marked shared, since the array still holds it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value Read(double index) => ElementAt(ValueOps.Index(index, Count));

    /// <summary>
    /// Element <paramref name="i"/> (already below <see cref="Count"/>) as <see cref="Read"/> gives it, for code that walks
    /// the array (builtins' callbacks): unboxed storage stays unboxed, where <see cref="Items"/> would box it for good.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value ElementAt(int i)
    {
        // A number is returned as a fresh value: storing one that holds no object reference needs no GC write barrier.
        if (_ints is { } w) return Value.Number(w[i]);
        if (_numbers is { } n) return Value.Number(n[i]);
        if (_bytes is { } b) return Value.Number(b[i]);
        ref var v = ref _items![i];
        if (v.Kind == ValueKind.Number) return Value.Number(v.Num);
        return v.Share();
    }

    /// <summary>
    /// The fast case of <see cref="Read"/> for compiled code that speculates on numbers: unboxed number storage at a whole
    /// in-range index. False for everything else (the caller then calls <see cref="Read"/>, which has every check).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadNumber(double index, out double value)
    {
        if (ValueOps.TryIndex(index, Count, out int i)) return TryReadUnboxed(i, out value);
        value = 0;
        return false;
    }

    /// <summary>The fast case of <see cref="Read"/> at a whole index that compiled code holds as a long.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadNumber(long index, out double value)
    {
        if ((ulong)index < (ulong)Count) return TryReadUnboxed((nint)index, out value);
        value = 0;
        return false;
    }

    /// <summary>
    /// The element read at a long index for compiled code that leaves for the interpreter on anything unusual: the element
    /// if it is a number (in any storage), NaN for everything else — an index out of range, an element of another kind,
    /// or a NaN element, which the caller cannot tell apart and so reads again with <see cref="Read"/>'s checks. Double
    /// storage is tested first: arrays of fractions (nbody's coordinates) are read most in compiled loops, and a whole-number
    /// array's element already costs a conversion (nbody in process 139.5 → 133.5 ms, sort and sieve unchanged).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double ReadNumberOrNaN(long index)
    {
        if ((ulong)index >= (ulong)Count) return double.NaN;
        if (_numbers is { } n) return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(n), (nint)index);
        if (_ints is { } w) return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(w), (nint)index);
        if (_bytes is { } b) return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b), (nint)index);
        return ItemNumberOrNaN(index);
    }

    /// <summary><see cref="ReadNumberOrNaN"/> of boxed storage (out of line: compiled loops mostly read unboxed storage).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double ItemNumberOrNaN(long index)
    {
        ref var v = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items!), (nint)index);
        return v.Kind == ValueKind.Number ? v.Num : double.NaN;
    }

    /// <summary>
    /// The fast case of <see cref="Write"/> for a number: an unshared array with unboxed number storage, at a whole
    /// in-range index, stored in place. False for everything else (the caller then calls <see cref="Write"/>). The
    /// interpreter's store: small-number storage takes a small whole number here too (a sieve's flags), tested first: an
    /// array that has it stores nothing else without widening, so the other two tests would only cost it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWriteNumber(double index, double value)
    {
        if (Shared || !ValueOps.TryIndex(index, Count, out int i)) return false;
        if (_bytes is not { } b) return TryWriteUnboxed(i, value);
        if (!IsSmall(value, out byte small)) return false;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b), i) = small;
        return true;
    }

    /// <summary>
    /// The fast case of <see cref="Write"/> for a number at a whole index held as a long: compiled code's store of a
    /// double, which leaves small-number storage to <see cref="Write"/> (compiled stores of whole numbers have
    /// <see cref="TryWriteNumber(long, long)"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWriteNumber(long index, double value) =>
        !Shared && (ulong)index < (ulong)Count && TryWriteUnboxed((nint)index, value);

    /// <summary>
    /// <see cref="TryWriteNumber(long, double)"/> of a whole number compiled code holds as a long (at most 2^53 in magnitude,
    /// never -0): whole-number storage takes it after one range test instead of the double's whole-number test.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWriteNumber(long index, long value)
    {
        if (Shared || (ulong)index >= (ulong)Count) return false;
        // Small-number storage first for a small number: compiled code stores constants (a sieve's 0 and 1), for which the
        // .NET JIT folds the value test and goes straight to the storage that holds them.
        if ((ulong)value <= byte.MaxValue && _bytes is { } b)
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b), (nint)index) = (byte)value;
        else if (_ints is { } w && value == (int)value) Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(w), (nint)index) = (int)value;
        else if (_numbers is { } n) Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(n), (nint)index) = value;
        // Boxed storage takes a number as Set stores it: a fresh value, with no object reference and so no write barrier.
        else if (_items is { } items) Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(items), (nint)index) = Value.Number(value);
        else return false;
        return true;
    }

    /// <summary>Element <paramref name="i"/> (already below <see cref="Count"/>, so inside the storage) if unboxed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadUnboxed(nint i, out double value)
    {
        if (_ints is { } w)
        {
            value = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(w), i);
            return true;
        }
        if (_numbers is { } n)
        {
            value = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(n), i);
            return true;
        }
        if (_bytes is { } b)
        {
            value = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b), i);
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>Stores a number at <paramref name="i"/> (already below <see cref="Count"/>) if the storage holds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryWriteUnboxed(nint i, double value)
    {
        if (_ints is { } w && IsWhole(value, out int whole)) Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(w), i) = whole;
        else if (_numbers is { } n) Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(n), i) = value;
        // Small-number storage takes a double through the caller's slow path (Set): inlined at every compiled store of a
        // double, its test made nbody's loop entry 2 KB larger and its machine code 10-15 ms slower to produce.
        else return false;
        return true;
    }

    /// <summary>
    /// The element write <c>a[index] = v</c> with copy-on-write: the index is checked first (so a bad index copies
    /// nothing), then the value is stored in place when this array is unshared, otherwise into a copy. Returns the array
    /// that now holds the element (this one, or the copy that the variable must be given). The one implementation of
    /// element write, called by the interpreter, its fused handlers, <see cref="ValueOps"/> and compiled code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AtlasArray Write(double index, Value v)
    {
        int i = ValueOps.Index(index, Count);
        if (Shared) return WriteCopy(i, v);
        Set(i, v);
        return this;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private AtlasArray WriteCopy(int i, Value v)
    {
        var copy = Clone();
        copy.Set(i, v);
        return copy;
    }

    public ReadOnlySpan<Value> AsSpan() => Items.AsSpan(0, Count);

    /// <summary>A fresh unshared copy; nested containers become shared because both copies now reference them.</summary>
    public AtlasArray Clone(int extraCapacity = 0)
    {
        // Checked before allocating: doubling a large array must end with AT0011, not an OutOfMemoryException.
        SizeLimits.CheckArray(Count);
        CountCopy();
        int capacity = Math.Max(Count + extraCapacity, Count == 0 ? 4 : Count);
        if (_ints is { } w)
        {
            var ints = new int[capacity];
            System.Array.Copy(w, ints, Count);
            return new AtlasArray(null, null, ints, null, Count);
        }
        if (_numbers is { } n)
        {
            var numbers = new double[capacity];
            System.Array.Copy(n, numbers, Count);
            return new AtlasArray(null, numbers, null, null, Count);
        }
        if (_bytes is { } b)
        {
            var bytes = new byte[capacity];
            System.Array.Copy(b, bytes, Count);
            return new AtlasArray(null, null, null, bytes, Count);
        }
        var items = new Value[capacity];
        for (int i = 0; i < Count; i++) items[i] = _items![i].Share();
        return new AtlasArray(items, null, null, null, Count);
    }

    /// <summary>This array if it may be mutated in place, otherwise an unshared copy.</summary>
    public AtlasArray Writable() => Shared ? Clone() : this;

    /// <summary>
    /// <c>a.push(d)</c> in place when this array is not shared (<see cref="Writable"/> would return it): compiled code's
    /// fast path of the push method, which stores the same array back. False: nothing done (the method then copies).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPushNumber(double d)
    {
        if (Shared) return false;
        // Whole-number storage with room takes a whole number in line (what Add does first); the rest goes through Add.
        if (_ints is { } w && (uint)Count < (uint)w.Length && IsWhole(d, out int whole))
        {
            w[Count++] = whole;
            return true;
        }
        if (_bytes is { } b && (uint)Count < (uint)b.Length && IsSmall(d, out byte small))
        {
            b[Count++] = small;
            return true;
        }
        Add(Value.Number(d));
        return true;
    }

    public void Add(Value v)
    {
        if (_bytes is { } b && v.Kind == ValueKind.Number && IsSmall(v.Num, out byte small))
        {
            if (Count == b.Length) b = GrowBytes();
            b[Count++] = small;
            return;
        }
        if (_items == null && _numbers == null && v.Kind == ValueKind.Number && IsWhole(v.Num, out int whole))
        {
            var w = Ints();
            if (Count == w.Length) w = GrowInts();
            w[Count++] = whole;
            return;
        }
        if (_items == null && v.Kind == ValueKind.Number)
        {
            var n = Doubles();
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
        if (_bytes is { } b && v.Kind == ValueKind.Number && IsSmall(v.Num, out byte small))
        {
            System.Array.Copy(b, index, b, index + 1, Count - index);
            b[index] = small;
        }
        else if (_items == null && _numbers == null && v.Kind == ValueKind.Number && IsWhole(v.Num, out int whole))
        {
            var w = Ints();
            System.Array.Copy(w, index, w, index + 1, Count - index);
            w[index] = whole;
        }
        else if (_items == null && v.Kind == ValueKind.Number)
        {
            var n = Doubles();
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
        if (_ints is { } w) System.Array.Copy(w, index + 1, w, index, Count - index - 1);
        else if (_numbers is { } n) System.Array.Copy(n, index + 1, n, index, Count - index - 1);
        else if (_bytes is { } b) System.Array.Copy(b, index + 1, b, index, Count - index - 1);
        else
        {
            System.Array.Copy(_items!, index + 1, _items!, index, Count - index - 1);
            _items![Count - 1] = default;
        }
        Count--;
        return v;
    }

    private int Capacity => _ints?.Length ?? _numbers?.Length ?? _bytes?.Length ?? _items!.Length;

    private int NextCapacity()
    {
        SizeLimits.CheckArray(Count + 1L);
        return (int)Math.Min(Math.Max(4, Count * 2L), SizeLimits.MaxArrayLength);
    }

    private void Grow()
    {
        if (_ints != null) GrowInts();
        else if (_numbers != null) GrowNumbers();
        else if (_bytes != null) GrowBytes();
        else GrowItems();
    }

    private byte[] GrowBytes()
    {
        System.Array.Resize(ref _bytes, NextCapacity());
        return _bytes;
    }

    private double[] GrowNumbers()
    {
        System.Array.Resize(ref _numbers, NextCapacity());
        return _numbers;
    }

    private int[] GrowInts()
    {
        System.Array.Resize(ref _ints, NextCapacity());
        return _ints;
    }

    private Value[] GrowItems()
    {
        System.Array.Resize(ref _items, NextCapacity());
        return _items;
    }

    private Value[] BoxNumbers()
    {
        var items = new Value[Capacity];
        for (int i = 0; i < Count; i++) items[i] = Get(i);
        _items = items;
        _numbers = null;
        _ints = null;
        _bytes = null;
        return items;
    }

    /// <summary>The whole-number storage, widening small-whole-number storage to it first (once: a larger number arrived).</summary>
    private int[] Ints()
    {
        if (_ints is { } w) return w;
        var b = _bytes!;
        w = new int[b.Length];
        for (int i = 0; i < Count; i++) w[i] = b[i];
        _ints = w;
        _bytes = null;
        return w;
    }

    /// <summary>The double storage, widening whole-number storage to it first (once: a number that is not whole arrived).</summary>
    private double[] Doubles()
    {
        if (_numbers is { } n) return n;
        if (_bytes is { } b)
        {
            n = new double[b.Length];
            for (int i = 0; i < Count; i++) n[i] = b[i];
            _bytes = null;
        }
        else
        {
            var w = _ints!;
            n = new double[w.Length];
            for (int i = 0; i < Count; i++) n[i] = w[i];
            _ints = null;
        }
        _numbers = n;
        return n;
    }
}
