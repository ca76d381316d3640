using Atlas.Semantics;

namespace Atlas.Bytecode;

/// <summary>
/// Global slots, resolved at compile time: top-level variables and functions, and the late-bound aliases of nested
/// functions. Kept across compilations (the REPL compiles entry after entry against one table).
/// </summary>
internal sealed class GlobalTable
{
    private readonly Dictionary<Symbol, int> _bySymbol = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _names = new();
    private readonly List<StaticType> _types = new();
    private readonly List<bool> _mutable = new();

    public int Count => _names.Count;
    public IReadOnlyList<string> Names => _names;

    /// <summary>The slot of a global symbol, allocating one on first use.</summary>
    public int SlotOf(Symbol symbol)
    {
        if (_bySymbol.TryGetValue(symbol, out int slot)) return slot;
        slot = _names.Count;
        _names.Add(symbol.Name);
        _types.Add(StaticTypes.From(symbol.Type));
        _mutable.Add(symbol.Mutable);
        _bySymbol.Add(symbol, slot);
        return slot;
    }

    /// <summary>Binds a symbol to an existing slot (the REPL reuses a name's slot when it is redefined).</summary>
    public void Alias(Symbol symbol, int slot)
    {
        _bySymbol[symbol] = slot;
        _types[slot] = StaticTypes.From(symbol.Type);
        _mutable[slot] |= symbol.Mutable;
    }

    /// <summary>
    /// Whether a program may store into <paramref name="slot"/> after defining it (a <c>var</c>, or the late-bound alias of
    /// a nested function). False for a <c>fn</c> or <c>let</c> that no declaration in the table made mutable: only a
    /// redefinition (REPL, <c>AtlasEngine</c>) replaces its value. Unknown slots are mutable.
    /// </summary>
    public bool IsMutable(int slot) => slot < 0 || slot >= _mutable.Count || _mutable[slot];

    /// <summary>
    /// The static type of the latest declaration in <paramref name="slot"/> (a hint for compiled code, which guards it:
    /// the REPL may redefine a name with another type).
    /// </summary>
    public StaticType TypeOf(int slot) => slot >= 0 && slot < _types.Count ? _types[slot] : StaticType.Any;

    public bool TryGetSlot(Symbol symbol, out int slot) => _bySymbol.TryGetValue(symbol, out slot);

    /// <summary>The most recent slot named <paramref name="name"/>, or -1.</summary>
    public int FindByName(string name) => _names.LastIndexOf(name);
}
