using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Modules;

/// <summary>A checked and compiled module, ready to run.</summary>
internal sealed record CompiledModule(ModuleSource Source, CompilationUnit Unit, CompiledProgram Program);

/// <summary>
/// A program of one or more modules compiled to bytecode (language.md §15): the entry and everything it imports, each
/// parsed, checked and compiled once, in dependency order, against one table of global slots. An imported name is a
/// read-only alias of the exporting module's slot, so calls across modules are ordinary global calls in both tiers;
/// names a module does not export stay private to it even when another module uses the same name.
/// </summary>
internal sealed class ModuleBuild
{
    private readonly List<ModuleDiagnostic> _diagnostics = [];
    private readonly List<CompiledModule> _modules = [];
    private readonly Dictionary<FunctionProto, ModuleSource> _sourceOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ModuleExports> _exports;
    private readonly GlobalTable _table;

    private ModuleBuild(ModuleSource entry, GlobalTable table, ModuleRegistry? registry)
    {
        Entry = entry;
        _table = table;
        _exports = registry == null ? new(StringComparer.Ordinal) : new(registry.Exports, StringComparer.Ordinal);
    }

    public IReadOnlyList<ModuleDiagnostic> Diagnostics => _diagnostics;
    /// <summary>The modules to run, in order (imported ones first); complete only when <see cref="Success"/>.</summary>
    public IReadOnlyList<CompiledModule> Modules => _modules;
    public bool Success { get; private set; }
    public bool HasWarnings => _diagnostics.Any(d => !d.Diagnostic.IsError);
    /// <summary>The module the program starts from.</summary>
    public ModuleSource Entry { get; }
    /// <summary>For <see cref="CompileImports"/>: what the entry's imports bring in.</summary>
    public ModuleImports EntryImports { get; private set; } = new();

    /// <summary>The module a function was compiled from (to render positions in the right file).</summary>
    public ModuleSource? SourceOf(FunctionProto proto) => _sourceOf.TryGetValue(proto, out var s) ? s : null;

    /// <summary>A whole program: the entry and its imports, compiled to run in <see cref="Modules"/> order (the entry last).</summary>
    public static ModuleBuild Compile(ModuleSource entry, IModuleResolver resolver)
    {
        var build = new ModuleBuild(entry, new GlobalTable(), null);
        if (build.Load(entry, null, resolver, null) is not { } modules) return build;
        foreach (var module in modules)
            if (!build.CompileModule(module)) return build;
        build.Success = true;
        return build;
    }

    /// <summary>
    /// The modules a session's next unit imports, except those <paramref name="registry"/> says already ran: compiled
    /// against the session's <paramref name="globals"/> but not the unit itself, whose imports end up in
    /// <see cref="EntryImports"/>. After the modules ran, <see cref="Commit"/> records them in the registry.
    /// </summary>
    public static ModuleBuild CompileImports(ModuleSource entry, CompilationUnit unit, IModuleResolver resolver, GlobalTable globals, ModuleRegistry registry)
    {
        var build = new ModuleBuild(entry, globals, registry);
        if (build.Load(entry, unit, resolver, registry) is not { } modules) return build;
        foreach (var module in modules.SkipLast(1))
            if (!build.CompileModule(module)) return build;
        build.EntryImports = build.Link(modules[^1]);
        build.Success = !build._diagnostics.Any(d => d.Diagnostic.IsError);
        return build;
    }

    /// <summary>Adds errors found after the build (by the session that uses it) and marks it failed.</summary>
    public void Fail(IEnumerable<ModuleDiagnostic> errors)
    {
        _diagnostics.AddRange(errors);
        Success = false;
    }

    /// <summary>Records the modules of this build as run, so later imports of them reuse them.</summary>
    public void Commit(ModuleRegistry registry)
    {
        foreach (var (id, exports) in _exports) registry.Exports[id] = exports;
    }

    private IReadOnlyList<ParsedModule>? Load(ModuleSource entry, CompilationUnit? unit, IModuleResolver resolver, ModuleRegistry? registry)
    {
        var (modules, diagnostics) = ModuleLoader.Load(entry, unit, resolver, registry);
        _diagnostics.AddRange(diagnostics);
        return diagnostics.Any(d => d.Diagnostic.IsError) ? null : modules;
    }

    private bool CompileModule(ParsedModule module)
    {
        var imports = Link(module);
        if (_diagnostics.Any(d => d.Diagnostic.IsError)) return false;
        var check = Checker.Check(module.Unit, module.Unit.Imports.Count == 0 ? null : imports.ToCheckSession());
        _diagnostics.AddRange(check.Diagnostics.Select(d => new ModuleDiagnostic(module.Source, d)));
        if (check.Diagnostics.Any(d => d.IsError)) return false;
        var program = BytecodeCompiler.Compile(module.Unit, _table);
        _modules.Add(new CompiledModule(module.Source, module.Unit, program));
        foreach (var proto in program.Functions) _sourceOf[proto] = module.Source;
        _exports[module.Source.Id] = ModuleExports.Of(module.Unit);
        return true;
    }

    /// <summary>What the imports of <paramref name="module"/> bring in, reporting names that are not exported or clash.</summary>
    private ModuleImports Link(ParsedModule module)
    {
        var imports = new ModuleImports();
        var declared = ModuleExports.TopLevelNames(module.Unit);
        foreach (var import in module.Unit.Imports)
        {
            if (import.NamespaceSpan is { } ns)
            {
                Report(module, DiagnosticId.NamespaceImport, ns);
                continue;
            }
            var from = _exports[module.Resolved[import]];
            foreach (var name in import.Names)
            {
                if (declared.TryGetValue(name.Name, out var declaration))
                    Report(module, DiagnosticId.SymbolAlreadyDefined, declaration, name.Name);
                else if (from.Symbols.TryGetValue(name.Name, out var symbol))
                    imports.Symbols.Add(ImportedSymbol(symbol, name));
                else if (from.Aliases.TryGetValue(name.Name, out var alias))
                    imports.Aliases[name.Name] = alias;
                else
                    Report(module, DiagnosticId.NotExported, name.Span, name.Name);
            }
        }
        return imports;
    }

    /// <summary>An import is read-only in the importer and shares the exporter's global slot.</summary>
    private (Symbol, int) ImportedSymbol(Symbol exported, ImportedName name)
    {
        var symbol = new Symbol
        {
            Name = exported.Name, Kind = exported.Kind, Mutable = false, Type = exported.Type,
            DeclarationSpan = name.Span, Declaration = exported.Declaration,
        };
        int slot = _table.SlotOf(exported);
        _table.Alias(symbol, slot);
        return (symbol, slot);
    }

    private void Report(ParsedModule module, DiagnosticId id, TextSpan span, params object[] args) =>
        _diagnostics.Add(new ModuleDiagnostic(module.Source, Diagnostic.Create(id, span, args)));
}
