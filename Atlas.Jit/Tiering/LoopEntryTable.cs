using Atlas.Bytecode;

namespace Atlas.Jit.Tiering;

/// <summary>
/// A function's on-stack-replacement entries by loop header: an entry, or a refusal (no entry is possible there), or
/// nothing known yet. Written under the engine's lock; read without it by the VM thread asking for a loop entry the
/// compiler thread may have finished, so every change publishes a new array with one reference store. An array indexed
/// by offset rather than a concurrent dictionary keyed by int: that dictionary is a generic instantiation over a value
/// type, which ReadyToRun cannot precompile, and the first loop compiled in a process paid the .NET JIT for it.
/// </summary>
internal sealed class LoopEntryTable(int codeLength)
{
    /// <summary>What is known about one loop header (<see cref="Entry"/> null: refused).</summary>
    private sealed record Known(CompiledCode? Entry);

    private Known?[]? _byHeader;

    /// <summary>Whether <paramref name="header"/> has an entry or a refusal; <paramref name="entry"/> is null for a refusal.</summary>
    public bool TryGetValue(int header, out CompiledCode? entry)
    {
        var known = Volatile.Read(ref _byHeader) is { } table && (uint)header < (uint)table.Length ? table[header] : null;
        entry = known?.Entry;
        return known != null;
    }

    public bool ContainsKey(int header) => TryGetValue(header, out _);

    /// <summary>Records the entry at <paramref name="header"/> (null: none is possible there). Under the engine's lock.</summary>
    public CompiledCode? this[int header]
    {
        set
        {
            var table = (Known?[])(_byHeader?.Clone() ?? new Known?[codeLength]);
            table[header] = new Known(value);
            Volatile.Write(ref _byHeader, table);
        }
    }

    /// <summary>Forgets every entry and refusal (the function was invalidated). Under the engine's lock.</summary>
    public void Clear() => Volatile.Write(ref _byHeader, null);
}
