namespace Atlas.Modules;

/// <summary>
/// Finds the module an <c>import</c> names. <see cref="FileModuleResolver"/> reads files relative to the importing file;
/// <see cref="InMemoryModuleResolver"/> serves modules a host keeps in memory; <see cref="NoModuleResolver"/> refuses all.
/// </summary>
public interface IModuleResolver
{
    /// <summary>
    /// The module <paramref name="specifier"/> (as written, e.g. <c>./math</c>) names, imported by <paramref name="importer"/>.
    /// </summary>
    ModuleLookup Resolve(string specifier, ModuleSource importer);
}

/// <summary>Refuses every import: for hosts whose scripts must be self-contained.</summary>
public sealed class NoModuleResolver : IModuleResolver
{
    /// <summary>The one instance.</summary>
    public static NoModuleResolver Instance { get; } = new();

    /// <inheritdoc />
    public ModuleLookup Resolve(string specifier, ModuleSource importer) => ModuleLookup.Refused("this host does not load modules");
}
