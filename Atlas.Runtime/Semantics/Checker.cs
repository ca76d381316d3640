using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>Front door of semantic analysis: binds names, then type-checks (language.md §1 steps 4–5).</summary>
public static class Checker
{
    /// <summary>
    /// Binds and checks <paramref name="unit"/>, annotating the tree (symbols, expression types, return types).
    /// Binder errors stop the pipeline before type checking, as in the reference.
    /// </summary>
    public static CheckResult Check(CompilationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var bindDiagnostics = Binder.Bind(unit);
        if (bindDiagnostics.Any(d => d.IsError)) return new CheckResult(bindDiagnostics);
        var checkDiagnostics = TypeChecker.Check(unit);
        return new CheckResult([.. bindDiagnostics, .. checkDiagnostics]);
    }
}
