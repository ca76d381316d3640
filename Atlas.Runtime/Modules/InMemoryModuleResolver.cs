namespace Atlas.Modules;

/// <summary>
/// Modules a host keeps in memory, by path (<c>lib/math.atl</c>); imports resolve relative to the importing module's
/// path as they would on disk. A script evaluated without a path imports relative to the root.
/// </summary>
public sealed class InMemoryModuleResolver(IReadOnlyDictionary<string, string> modules) : IModuleResolver
{
    /// <inheritdoc />
    public ModuleLookup Resolve(string specifier, ModuleSource importer)
    {
        var path = ModulePaths.Display(importer.DisplayPath, specifier).Replace('\\', '/');
        return modules.TryGetValue(path, out var text) ? ModuleLookup.Found(new ModuleSource(path, path, text)) : ModuleLookup.Missing;
    }
}
