using Atlas.Diagnostics;
using Atlas.Modules;
using Atlas.Semantics;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// What importing a unit's modules into a session did: the build (diagnostics, modules) and a runtime error of one of them.
/// </summary>
internal sealed record ModuleImportRun(ModuleBuild Build, Exception? Error);

internal sealed partial class ScriptSession
{
    private ModuleRegistry _modules = new();
    // Top-level names that are imports (their slots belong to the exporting modules).
    private readonly HashSet<string> _imported = new(StringComparer.Ordinal);

    /// <summary>
    /// Brings in what <paramref name="unit"/> imports before it is checked: the modules it needs that this session has not
    /// run yet are checked, compiled and run once each, in dependency order, and the imported names become top-level
    /// names of the session (read-only, sharing the exporters' slots). Importing a name the session already defines
    /// otherwise is AT2003; importing the same name from the same module again changes nothing.
    /// </summary>
    public ModuleImportRun Import(ModuleSource importer, CompilationUnit unit, IModuleResolver resolver, CancellationToken cancellation = default)
    {
        var build = ModuleBuild.CompileImports(importer, unit, resolver, _globals, _modules);
        if (!build.Success) return new ModuleImportRun(build, null);
        var clashes = Clashes(build.EntryImports, unit).ToList();
        if (clashes.Count > 0) return new ModuleImportRun(WithDiagnostics(build, importer, clashes), null);
        foreach (var module in build.Modules)
        {
            var (_, error) = Run(vm => vm.Run(module.Program), cancellation);
            if (error != null) return new ModuleImportRun(build, error);
        }
        build.Commit(_modules);
        foreach (var (symbol, slot) in build.EntryImports.Symbols)
        {
            _slots[symbol.Name] = slot;
            _imported.Add(symbol.Name);
            _check.Define(symbol);
        }
        foreach (var (name, type) in build.EntryImports.Aliases) _check.DefineAlias(name, type);
        return new ModuleImportRun(build, null);
    }

    /// <summary>Imported names the session already has as something else: AT2003 at the import.</summary>
    private IEnumerable<Diagnostic> Clashes(ModuleImports imports, CompilationUnit unit)
    {
        foreach (var (symbol, slot) in imports.Symbols)
        {
            if (!_slots.TryGetValue(symbol.Name, out int existing) || existing == slot) continue;
            var span = unit.Imports.SelectMany(i => i.Names).First(n => n.Name == symbol.Name).Span;
            yield return Diagnostic.Create(DiagnosticId.SymbolAlreadyDefined, span, symbol.Name);
        }
    }

    private static ModuleBuild WithDiagnostics(ModuleBuild build, ModuleSource importer, List<Diagnostic> diagnostics)
    {
        build.Fail(diagnostics.Select(d => new ModuleDiagnostic(importer, d)));
        return build;
    }
}
