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
    private readonly List<bool> _declaredFunction = new();

    public int Count => _names.Count;
    public IReadOnlyList<string> Names => _names;

    /// <summary>The slot of a global symbol, allocating one on first use.</summary>
    public int SlotOf(Symbol symbol)
    {
        if (_bySymbol.TryGetValue(symbol, out int slot)) return slot;
        slot = _names.Count;
        _names.Add(symbol.Name);
        _types.Add(StaticTypes.From(symbol.Type));
        _declaredFunction.Add(DeclaresFunction(symbol));
        _bySymbol.Add(symbol, slot);
        return slot;
    }

    /// <summary>Binds a symbol to an existing slot (the REPL reuses a name's slot when it is redefined).</summary>
    public void Alias(Symbol symbol, int slot)
    {
        _bySymbol[symbol] = slot;
        _types[slot] = StaticTypes.From(symbol.Type);
        _declaredFunction[slot] &= DeclaresFunction(symbol);
    }

    /// <summary>
    /// Whether every declaration bound to <paramref name="slot"/> is a top-level <c>fn</c> (or an import of one): the slot
    /// then holds that function from its definition on, and only a redefinition (REPL, <c>AtlasEngine</c>), which replaces
    /// the function (<c>FunctionReplaced</c>), puts another there. A <c>var</c>, a <c>let</c>, a host's global and the
    /// late-bound alias of a nested function are not; nor is an unknown slot.
    /// </summary>
    public bool HoldsDeclaredFunction(int slot) => slot >= 0 && slot < _declaredFunction.Count && _declaredFunction[slot];

    private static bool DeclaresFunction(Symbol symbol) => symbol.Kind == SymbolKind.Function && !symbol.Mutable;

    /// <summary>
    /// The static type of the latest declaration in <paramref name="slot"/> (a hint for compiled code, which guards it:
    /// the REPL may redefine a name with another type).
    /// </summary>
    public StaticType TypeOf(int slot) => slot >= 0 && slot < _types.Count ? _types[slot] : StaticType.Any;

    public bool TryGetSlot(Symbol symbol, out int slot) => _bySymbol.TryGetValue(symbol, out slot);

    /// <summary>The most recent slot named <paramref name="name"/>, or -1.</summary>
    public int FindByName(string name) => _names.LastIndexOf(name);
}
