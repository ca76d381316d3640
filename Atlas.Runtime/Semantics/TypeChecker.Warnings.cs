using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>Unused-name warnings (AT2001) and match arms that are not type-checked.</summary>
internal sealed partial class TypeChecker
{
    /// <summary>
    /// AT2001 for one function, after its other diagnostics (§7). Like the reference, which tracks declarations by
    /// name, a name declared several times in one function is reported once, at its last declaration; warnings come
    /// in the order of those declarations.
    /// </summary>
    private void ReportUnused(FunctionContext context)
    {
        // Each name's last declaration, by its position; then the candidates in order, keeping those. (No tuples or LINQ
        // sorting here: their generic code is not precompiled, and the .NET JIT compiled it in every process's start-up.)
        var lastByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < context.UnusedCandidates.Count; i++) lastByName[context.UnusedCandidates[i].Name] = i;
        for (var i = 0; i < context.UnusedCandidates.Count; i++)
        {
            var symbol = context.UnusedCandidates[i];
            if (lastByName[symbol.Name] != i || symbol.Name.StartsWith('_') || context.ReadNames.Contains(symbol.Name)) continue;
            var id = symbol.Kind == SymbolKind.Parameter ? DiagnosticId.UnusedParameter : DiagnosticId.UnusedVariable;
            Report(id, symbol.DeclarationSpan, symbol.Name);
        }
    }

    /// <summary>An arm that is not type-checked: everything in it is <c>?</c>, and its reads still count for AT2001.</summary>
    private void SkipArm(MatchArm arm) => new UncheckedArmWalker(MarkRead).Skip(arm);
}
