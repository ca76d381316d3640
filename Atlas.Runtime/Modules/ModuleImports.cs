using Atlas.Semantics;

namespace Atlas.Modules;

/// <summary>
/// What one module's imports make visible in it: each imported function or variable as a read-only symbol sharing the
/// exporter's global slot, and each imported type alias.
/// </summary>
internal sealed class ModuleImports
{
    public List<(Symbol Symbol, int Slot)> Symbols { get; } = [];
    public Dictionary<string, AtlasType> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>A check session in which the imported names resolve (for checking a module on its own).</summary>
    public CheckSession ToCheckSession()
    {
        var session = new CheckSession();
        foreach (var (symbol, _) in Symbols) session.Define(symbol);
        foreach (var (name, type) in Aliases) session.DefineAlias(name, type);
        return session;
    }
}

/// <summary>The exports of the modules a session has run, by module id, so that each runs once however often it is imported.</summary>
internal sealed class ModuleRegistry
{
    internal Dictionary<string, ModuleExports> Exports { get; } = new(StringComparer.Ordinal);

    public bool Contains(string id) => Exports.ContainsKey(id);
}
