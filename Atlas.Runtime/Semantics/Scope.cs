namespace Atlas.Semantics;

/// <summary>One lexical scope of the binder: names declared directly in it, plus the enclosing scope.</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, Symbol> symbols = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    public bool TryGetLocal(string name, out Symbol symbol) => symbols.TryGetValue(name, out symbol!);

    public void Add(Symbol symbol) => symbols[symbol.Name] = symbol;

    public Symbol? Lookup(string name)
    {
        for (var s = this; s is not null; s = s.Parent)
            if (s.symbols.TryGetValue(name, out var found)) return found;
        return null;
    }
}
