using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>
/// The REPL's cross-entry type-safety rule (repl.md): a top-level name that existing definitions refer to may be
/// declared again only with the type those definitions were checked against, because they will read the new
/// definition from the same global slot at their next call.
/// </summary>
internal static class RedefinitionRules
{
    public static IReadOnlyList<Diagnostic> Check(CompilationUnit unit, CheckSession session)
    {
        var diagnostics = new List<Diagnostic>();
        // A function of this entry replaces its earlier definition before any statement runs, so the earlier
        // definition no longer counts as a user of anything.
        var replacedFunctions = unit.Items.OfType<FnDecl>().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var item in unit.Items)
        {
            var (symbol, span) = item switch
            {
                VarDecl { Symbol: { Kind: SymbolKind.Global } s } v => (s, v.NameSpan),
                FnDecl { Symbol: { Kind: SymbolKind.Function } s } f => (s, f.NameSpan),
                _ => (null, default(TextSpan)),
            };
            if (symbol is null) continue;
            var conflict = Dependents(unit, session, symbol, replacedFunctions)
                .FirstOrDefault(d => !SameType(symbol.Type, d.UsedAs.Type));
            if (conflict.Definition is null) continue;
            diagnostics.Add(Diagnostic.Create(DiagnosticId.RedefinitionChangesType, span,
                symbol.Name, symbol.Type.Display, conflict.Definition, conflict.UsedAs.Type.Display));
        }
        return diagnostics;
    }

    /// <summary>Earlier definitions that stay, and this entry's own functions, that refer to an earlier symbol of the name.</summary>
    private static IEnumerable<(string Definition, Symbol UsedAs)> Dependents(
        CompilationUnit unit, CheckSession session, Symbol symbol, HashSet<string> replacedFunctions)
    {
        foreach (var dependent in session.DependentsOf(symbol.Name))
            if (!replacedFunctions.Contains(dependent.Definition)) yield return dependent;
        foreach (var fn in unit.Items.OfType<FnDecl>())
        {
            if (fn.GlobalReferences is null) continue;
            foreach (var used in fn.GlobalReferences)
                if (used.Name == symbol.Name && !ReferenceEquals(used, symbol))
                {
                    yield return (fn.Name, used);
                    break;
                }
        }
    }

    // Generic signatures have their own type-parameter objects per declaration; equal text means the same shape.
    internal static bool SameType(AtlasType a, AtlasType b) => a.SameAs(b) || a.Display == b.Display;
}
