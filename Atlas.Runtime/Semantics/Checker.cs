using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>Front door of semantic analysis: binds names, then type-checks (language.md §1 steps 4–5).</summary>
internal static class Checker
{
    /// <summary>
    /// Binds and checks <paramref name="unit"/>, annotating the tree (symbols, expression types, return types).
    /// Binder errors stop the pipeline before type checking, as in the reference.
    /// </summary>
    /// <param name="unit">The parsed program or REPL entry.</param>
    /// <param name="session">
    /// For a REPL entry: what earlier entries defined. Their top-level names resolve to their existing symbols, the
    /// entry may declare them again, and such a redeclaration must keep the type that other definitions rely on.
    /// </param>
    public static CheckResult Check(CompilationUnit unit, CheckSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var bindDiagnostics = Binder.Bind(unit, session);
        if (bindDiagnostics.Any(d => d.IsError)) return new CheckResult(bindDiagnostics);
        var checkDiagnostics = TypeChecker.Check(unit);
        if (session is null || checkDiagnostics.Any(d => d.IsError)) return new CheckResult([.. bindDiagnostics, .. checkDiagnostics]);
        return new CheckResult([.. bindDiagnostics, .. checkDiagnostics, .. RedefinitionRules.Check(unit, session)]);
    }
}
