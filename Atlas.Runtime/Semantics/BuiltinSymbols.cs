using Atlas.Stdlib;

namespace Atlas.Semantics;

/// <summary>
/// The shared symbols of builtin functions and constants. One object per name for the whole process, so
/// symbol identity of builtins is stable across checks (useful for the REPL).
/// </summary>
internal static class BuiltinSymbols
{
    /// <summary>
    /// The pre-declared math constants (same keys as BuiltinRegistry.Constants). Listed here so the checker does not
    /// depend on the runtime registry's initialisation.
    /// </summary>
    public static readonly IReadOnlyList<string> ConstantNames = ["PI", "E", "SQRT2", "LN2", "LN10"];

    private static readonly Dictionary<string, Symbol> Functions = BuildFunctions();
    private static readonly Dictionary<string, Symbol> Constants = ConstantNames.ToDictionary(
        n => n, n => new Symbol { Name = n, Kind = SymbolKind.Builtin, Mutable = false, Type = AtlasType.Number }, StringComparer.Ordinal);

    /// <summary>Builtin function symbols (every Tier 1 name; typed-prelude ones carry their signature, the rest are <c>?</c>).</summary>
    public static IReadOnlyDictionary<string, Symbol> FunctionSymbols => Functions;

    /// <summary>The constant symbols PI, E, SQRT2, LN2, LN10 (type number).</summary>
    public static IReadOnlyDictionary<string, Symbol> ConstantSymbols => Constants;

    /// <summary>True for the 65 typed-prelude names, which top-level declarations may not reuse (AT1012).</summary>
    public static bool IsPrelude(string name) => PreludeSignatures.All.ContainsKey(name);

    private static Dictionary<string, Symbol> BuildFunctions()
    {
        var d = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        foreach (var name in BuiltinNames.Tier1.Concat(BuiltinNames.Tier2))
        {
            AtlasType type = PreludeSignatures.TryGet(name, out var sig) ? sig : AtlasType.Unknown;
            d[name] = new Symbol { Name = name, Kind = SymbolKind.Builtin, Mutable = false, Type = type };
        }
        return d;
    }
}
