using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Modules;

/// <summary>What a checked module exports: its <c>export</c>ed functions and variables (symbols) and type aliases.</summary>
internal sealed record ModuleExports(IReadOnlyDictionary<string, Symbol> Symbols, IReadOnlyDictionary<string, AtlasType> Aliases)
{
    internal static ModuleExports Of(CompilationUnit unit)
    {
        var symbols = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, AtlasType>(StringComparer.Ordinal);
        foreach (var item in unit.Items)
        {
            switch (item)
            {
                case FnDecl { IsExported: true, Symbol: { } s }: symbols[s.Name] = s; break;
                case VarDecl { IsExported: true, Symbol: { } s }: symbols[s.Name] = s; break;
                case TypeAliasDecl { IsExported: true, ResolvedTarget: { } target } alias: aliases[alias.Name] = target; break;
            }
        }
        return new ModuleExports(symbols, aliases);
    }

    /// <summary>The names a module declares at top level, with where, so an import of the same name can be refused.</summary>
    internal static Dictionary<string, TextSpan> TopLevelNames(CompilationUnit unit)
    {
        var names = new Dictionary<string, TextSpan>(StringComparer.Ordinal);
        foreach (var item in unit.Items)
        {
            switch (item)
            {
                case FnDecl fn: names.TryAdd(fn.Name, fn.NameSpan); break;
                case VarDecl v: names.TryAdd(v.Name, v.NameSpan); break;
                case TypeAliasDecl alias: names.TryAdd(alias.Name, alias.NameSpan); break;
            }
        }
        return names;
    }
}
