using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Modules;

/// <summary>A parsed module of a program and the id of the module each of its imports resolved to.</summary>
internal sealed record ParsedModule(ModuleSource Source, CompilationUnit Unit, IReadOnlyDictionary<ImportDecl, string> Resolved);

/// <summary>
/// Finds and parses every module a program imports, depth first from the entry, each once however often it is
/// imported, and orders them so that each comes after the modules it imports (the order they are checked and run in).
/// A missing module, one the resolver refuses and an import cycle (named module by module) are reported at the import.
/// </summary>
internal sealed class ModuleLoader(IModuleResolver resolver, ModuleRegistry? registry)
{
    private readonly Dictionary<string, ParsedModule> _loaded = new(StringComparer.Ordinal);
    private readonly List<ParsedModule> _order = [];
    private readonly List<ModuleSource> _path = [];
    private readonly List<ModuleDiagnostic> _diagnostics = [];

    /// <summary>
    /// The entry (already parsed when <paramref name="unit"/> is given) and the modules it imports, skipping those the
    /// <paramref name="registry"/> holds, in dependency order with the entry last.
    /// </summary>
    public static (IReadOnlyList<ParsedModule> Modules, IReadOnlyList<ModuleDiagnostic> Diagnostics) Load(
        ModuleSource entry, CompilationUnit? unit, IModuleResolver resolver, ModuleRegistry? registry)
    {
        var loader = new ModuleLoader(resolver, registry);
        loader.Visit(entry, unit);
        return (loader._order, loader._diagnostics);
    }

    private void Visit(ModuleSource module, CompilationUnit? unit = null)
    {
        if (unit == null)
        {
            var parse = Parser.Parse(module.Text);
            _diagnostics.AddRange(parse.Diagnostics.Select(d => new ModuleDiagnostic(module, d)));
            unit = parse.Unit;
        }
        var resolved = new Dictionary<ImportDecl, string>(ReferenceEqualityComparer.Instance);
        var parsed = new ParsedModule(module, unit, resolved);
        _loaded[module.Id] = parsed;
        _path.Add(module);
        foreach (var import in unit.Imports)
        {
            var lookup = resolver.Resolve(import.Source, module);
            if (lookup.Module is not { } dependency)
            {
                var d = lookup.Problem is { } problem
                    ? Diagnostic.Create(DiagnosticId.ModuleLoadFailed, import.SourceSpan, import.Source, problem)
                    : Diagnostic.Create(DiagnosticId.ModuleNotFound, import.SourceSpan, import.Source);
                _diagnostics.Add(new ModuleDiagnostic(module, d));
                continue;
            }
            resolved[import] = dependency.Id;
            int onPath = _path.FindIndex(m => m.Id == dependency.Id);
            if (onPath >= 0)
            {
                var cycle = string.Join(" -> ", _path.Skip(onPath).Select(m => m.DisplayPath).Append(_path[onPath].DisplayPath));
                _diagnostics.Add(new ModuleDiagnostic(module, Diagnostic.Create(DiagnosticId.CircularDependency, import.SourceSpan, cycle)));
                continue;
            }
            if (!_loaded.ContainsKey(dependency.Id) && registry?.Contains(dependency.Id) != true) Visit(dependency);
        }
        _path.RemoveAt(_path.Count - 1);
        _order.Add(parsed);
    }
}
