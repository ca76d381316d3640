using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>
/// What earlier REPL entries defined, for checking the next entry against it (repl.md "State and redefinition"):
/// the current symbol of every top-level name, the top-level names each current function refers to, and the
/// type aliases. The checker only reads it; the REPL commits an entry's definitions once they have run.
/// </summary>
internal sealed class CheckSession
{
    private readonly Dictionary<string, Symbol> _globals = new(StringComparer.Ordinal);
    // Keyed by the name of the defining function; a redefinition of that name replaces its entry.
    private readonly Dictionary<string, IReadOnlySet<Symbol>> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AtlasType> _aliases = new(StringComparer.Ordinal);
    // Definition order, so a diagnostic naming "one dependent definition" is deterministic.
    private readonly List<string> _order = new();

    /// <summary>The current symbol of each top-level name (let, var, fn) defined by earlier entries.</summary>
    public IReadOnlyDictionary<string, Symbol> Globals => _globals;

    /// <summary>Type aliases defined by earlier entries, resolved.</summary>
    public IReadOnlyDictionary<string, AtlasType> Aliases => _aliases;

    /// <summary>
    /// Makes <paramref name="symbol"/> the current definition of its name. A function brings the top-level symbols its
    /// body refers to (<see cref="FnDecl.GlobalReferences"/>); a variable refers to nothing later on.
    /// </summary>
    public void Define(Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (symbol.Kind is not (SymbolKind.Global or SymbolKind.Function))
            throw new ArgumentException($"only top-level symbols persist, not {symbol.Kind}", nameof(symbol));
        _globals[symbol.Name] = symbol;
        _order.Remove(symbol.Name);
        _order.Add(symbol.Name);
        if (symbol.Declaration?.GlobalReferences is { } refs) _references[symbol.Name] = refs;
        else _references.Remove(symbol.Name);
    }

    public void DefineAlias(string name, AtlasType target) => _aliases[name] = target;

    /// <summary>
    /// Current definitions (in definition order) whose bodies refer to top-level name <paramref name="name"/>, with the
    /// symbol of that name they were checked against.
    /// </summary>
    public IEnumerable<(string Definition, Symbol UsedAs)> DependentsOf(string name)
    {
        foreach (var definition in _order)
        {
            if (!_references.TryGetValue(definition, out var refs)) continue;
            foreach (var used in refs)
                if (used.Name == name)
                {
                    yield return (definition, used);
                    break;
                }
        }
    }
}
