using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Modules;

/// <summary>A checked and compiled module, ready to run.</summary>
public sealed record CompiledModule(ModuleSource Source, CompilationUnit Unit, CompiledProgram Program);

/// <summary>
/// A program of one or more modules compiled to bytecode (language.md §15): the entry and everything it imports, each
/// parsed, checked and compiled once, in dependency order, against one table of global slots. An imported name is an
/// immutable alias of the exporting module's slot, so calls across modules are ordinary global calls in both tiers;
/// names a module does not export stay private to it even when another module uses the same name.
/// </summary>
public sealed class ModuleBuild
{
    private readonly List<ModuleDiagnostic> _diagnostics = [];
    private readonly List<CompiledModule> _modules = [];
    private readonly Dictionary<FunctionProto, ModuleSource> _sourceOf = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<ModuleDiagnostic> Diagnostics => _diagnostics;
    /// <summary>The modules in the order they run, the entry last; complete only when <see cref="Success"/>.</summary>
    public IReadOnlyList<CompiledModule> Modules => _modules;
    public bool Success { get; private set; }
    /// <summary>The module the program starts from (run last).</summary>
    public ModuleSource Entry { get; private init; } = null!;
    public bool HasWarnings => _diagnostics.Any(d => !d.Diagnostic.IsError);

    /// <summary>The module a function was compiled from (to render positions in the right file).</summary>
    public ModuleSource? SourceOf(FunctionProto proto) => proto != null && _sourceOf.TryGetValue(proto, out var s) ? s : null;

    public static ModuleBuild Compile(ModuleSource entry, IModuleResolver resolver, GlobalTable? globals = null)
    {
        var build = new ModuleBuild { Entry = entry };
        var (modules, diagnostics) = ModuleLoader.Load(entry, resolver);
        build._diagnostics.AddRange(diagnostics);
        if (diagnostics.Any(d => d.Diagnostic.IsError)) return build;
        var table = globals ?? new GlobalTable();
        var exports = new Dictionary<string, ModuleExports>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            if (!build.CompileModule(module, exports, table)) return build;
        }
        build.Success = true;
        return build;
    }

    private bool CompileModule(ParsedModule module, Dictionary<string, ModuleExports> exports, GlobalTable table)
    {
        var session = module.Unit.Imports.Count == 0 ? null : Link(module, exports, table);
        if (_diagnostics.Any(d => d.Diagnostic.IsError)) return false;
        var check = Checker.Check(module.Unit, session);
        _diagnostics.AddRange(check.Diagnostics.Select(d => new ModuleDiagnostic(module.Source, d)));
        if (check.Diagnostics.Any(d => d.IsError)) return false;
        var program = BytecodeCompiler.Compile(module.Unit, table);
        _modules.Add(new CompiledModule(module.Source, module.Unit, program));
        foreach (var proto in program.Functions) _sourceOf[proto] = module.Source;
        exports[module.Source.Id] = ModuleExports.Of(module.Unit);
        return true;
    }

    /// <summary>The imports of <paramref name="module"/> as a check session: aliases of the exporters' symbols and types.</summary>
    private CheckSession Link(ParsedModule module, Dictionary<string, ModuleExports> exports, GlobalTable table)
    {
        var session = new CheckSession();
        var declared = ModuleExports.TopLevelNames(module.Unit);
        foreach (var import in module.Unit.Imports)
        {
            if (import.NamespaceSpan is { } ns)
            {
                Report(module, DiagnosticId.NamespaceImport, ns);
                continue;
            }
            var from = exports[module.Resolved[import]];
            foreach (var name in import.Names)
            {
                if (declared.TryGetValue(name.Name, out var declaration))
                    Report(module, DiagnosticId.SymbolAlreadyDefined, declaration, name.Name);
                else if (from.Symbols.TryGetValue(name.Name, out var symbol))
                    session.Define(ImportedSymbol(symbol, name, table));
                else if (from.Aliases.TryGetValue(name.Name, out var alias))
                    session.DefineAlias(name.Name, alias);
                else
                    Report(module, DiagnosticId.NotExported, name.Span, name.Name);
            }
        }
        return session;
    }

    /// <summary>An import is read-only in the importer and shares the exporter's global slot.</summary>
    private static Symbol ImportedSymbol(Symbol exported, ImportedName name, GlobalTable table)
    {
        var symbol = new Symbol
        {
            Name = exported.Name, Kind = exported.Kind, Mutable = false, Type = exported.Type,
            DeclarationSpan = name.Span, Declaration = exported.Declaration,
        };
        table.Alias(symbol, table.SlotOf(exported));
        return symbol;
    }

    private void Report(ParsedModule module, DiagnosticId id, TextSpan span, params object[] args) =>
        _diagnostics.Add(new ModuleDiagnostic(module.Source, Diagnostic.Create(id, span, args)));
}
