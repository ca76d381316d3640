namespace Atlas.Jit.Codegen;

/// <summary>
/// The operand stack <see cref="TypeInference.Transfer"/> simulates one instruction on: the members of a
/// <c>List&lt;SlotInfo&gt;</c> it uses, on a plain array. A list of a value type is a generic instantiation ReadyToRun
/// cannot precompile (the list is the framework's, the element ours), so the first compilation in a process paid the
/// .NET JIT for a dozen of its methods; this type is ours and starts precompiled.
/// </summary>
internal sealed class SlotStack
{
    private SlotInfo[] _items;

    /// <summary>A stack holding <paramref name="input"/> (copied), with room for a few pushes.</summary>
    public SlotStack(SlotInfo[] input)
    {
        _items = new SlotInfo[input.Length + 4];
        Array.Copy(input, _items, input.Length);
        Count = input.Length;
    }

    public int Count { get; private set; }

    public SlotInfo this[int index]
    {
        get => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));
        set => _items[(uint)index < (uint)Count ? index : throw new ArgumentOutOfRangeException(nameof(index))] = value;
    }

    public void Add(SlotInfo slot)
    {
        if (Count == _items.Length)
        {
            // Not Array.Resize: that is a generic method, instantiated over SlotInfo (the .NET JIT again).
            var larger = new SlotInfo[_items.Length * 2];
            Array.Copy(_items, larger, Count);
            _items = larger;
        }
        _items[Count++] = slot;
    }

    /// <summary>Removes the top slot (the only removal inference makes: <paramref name="index"/> is Count - 1).</summary>
    public void RemoveAt(int index)
    {
        if (index != Count - 1) throw new ArgumentOutOfRangeException(nameof(index), "only the top slot can be removed");
        Count--;
    }

    /// <summary>Removes the top <paramref name="count"/> slots (<paramref name="index"/> is Count - count).</summary>
    public void RemoveRange(int index, int count)
    {
        if (count < 0 || index != Count - count) throw new ArgumentOutOfRangeException(nameof(index), "only top slots can be removed");
        Count -= count;
    }

    public SlotInfo[] ToArray()
    {
        var result = new SlotInfo[Count];
        Array.Copy(_items, result, Count);
        return result;
    }
}
