using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>
/// Every builtin by name. The typed prelude's signatures (language.md §14.3) are declared here next to the
/// implementations, so the checker, compiler, VM and JIT all read one declaration per builtin.
/// </summary>
internal static class BuiltinRegistry
{
    private static readonly Dictionary<string, BuiltinDescriptor> ByName = new(StringComparer.Ordinal);

    /// <summary>Global constants (stdlib.md §5), pre-declared as read-only globals.</summary>
    public static readonly IReadOnlyDictionary<string, double> Constants = new Dictionary<string, double>
    {
        ["PI"] = Math.PI,
        ["E"] = Math.E,
        ["SQRT2"] = 1.4142135623730951,
        ["LN2"] = 0.6931471805599453,
        ["LN10"] = 2.302585092994046,
    };

    static BuiltinRegistry()
    {
        CoreBuiltins.Register();
        StringBuiltins.Register();
        ArrayBuiltins.Register();
        MathBuiltins.Register();
        OptionResultBuiltins.Register();
        CollectionBuiltins.Register();
        AssertBuiltins.Register();
        Json.JsonBuiltins.Register();
        Io.FileBuiltins.Register();
        Io.FsDirectoryBuiltins.Register();
        Io.FsMetadataBuiltins.Register();
        Io.FsTempBuiltins.Register();
        Io.FsLinkBuiltins.Register();
        Io.PathBuiltins.Register();
        Io.EnvBuiltins.Register();
    }

    public static IReadOnlyCollection<BuiltinDescriptor> All => ByName.Values;

    public static bool TryGet(string name, out BuiltinDescriptor descriptor) => ByName.TryGetValue(name, out descriptor!);

    public static BuiltinDescriptor Get(string name) =>
        ByName.TryGetValue(name, out var d) ? d : throw new KeyNotFoundException($"no builtin named '{name}'");

    /// <summary>True for the 65 typed-prelude names that top-level declarations may not shadow.</summary>
    public static bool IsPrelude(string name) => ByName.TryGetValue(name, out var d) && d.IsPrelude;

    /// <summary>Registers a builtin; a typed-prelude builtin passes its signature.</summary>
    internal static void Define(string name, BuiltinImpl impl, string summary)
    {
        PreludeSignatures.TryGet(name, out var signature);
        var writeBack = BuiltinNames.WriteBacks.TryGetValue(name, out var wb) ? wb : WriteBack.None;
        if (!ByName.TryAdd(name, new BuiltinDescriptor(name, impl, signature, writeBack, summary)))
            throw new InvalidOperationException($"builtin '{name}' defined twice");
    }

}
