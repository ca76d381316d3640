using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Modules;

/// <summary>A parsed module of a program and the id of the module each of its imports resolved to.</summary>
public sealed record ParsedModule(ModuleSource Source, CompilationUnit Unit, IReadOnlyDictionary<ImportDecl, string> Resolved);

/// <summary>
/// Finds and parses every module a program imports, depth first from the entry, each once however often it is
/// imported, and orders them so that each comes after the modules it imports (the order they are checked and run in).
/// A missing module, one the resolver refuses and an import cycle (named module by module) are reported at the import.
/// </summary>
internal sealed class ModuleLoader(IModuleResolver resolver)
{
    private readonly Dictionary<string, ParsedModule> _loaded = new(StringComparer.Ordinal);
    private readonly List<ParsedModule> _order = [];
    private readonly List<ModuleSource> _path = [];
    private readonly List<ModuleDiagnostic> _diagnostics = [];

    public static (IReadOnlyList<ParsedModule> Modules, IReadOnlyList<ModuleDiagnostic> Diagnostics) Load(
        ModuleSource entry, IModuleResolver resolver)
    {
        var loader = new ModuleLoader(resolver);
        loader.Visit(entry);
        return (loader._order, loader._diagnostics);
    }

    private void Visit(ModuleSource module)
    {
        var parse = Parser.Parse(module.Text);
        _diagnostics.AddRange(parse.Diagnostics.Select(d => new ModuleDiagnostic(module, d)));
        var resolved = new Dictionary<ImportDecl, string>(ReferenceEqualityComparer.Instance);
        var parsed = new ParsedModule(module, parse.Unit, resolved);
        _loaded[module.Id] = parsed;
        _path.Add(module);
        foreach (var import in parse.Unit.Imports)
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
            if (!_loaded.ContainsKey(dependency.Id)) Visit(dependency);
        }
        _path.RemoveAt(_path.Count - 1);
        _order.Add(parsed);
    }
}
