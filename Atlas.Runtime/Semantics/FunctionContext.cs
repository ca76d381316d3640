using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>What the checker tracks while inside one function body: its return type and the names it declares.</summary>
internal sealed class FunctionContext(FnDecl declaration)
{
    public FnDecl Declaration { get; } = declaration;

    /// <summary>The context of the function this one is nested in; null for a top-level function.</summary>
    public FunctionContext? Enclosing { get; init; }

    public AtlasType ReturnType { get; } = declaration.ResolvedReturnType ?? AtlasType.Null;

    /// <summary>Parameters and let/var locals of this body (not of nested functions), in declaration order, for AT2001.</summary>
    public List<Symbol> UnusedCandidates { get; } = [];

    /// <summary>
    /// Names read as identifier expressions in this body, excluding nested function bodies. §7 counts reads by name,
    /// so reading an inner `x` (or a global `x`) also counts for an outer local `x` of the same function.
    /// </summary>
    public HashSet<string> ReadNames { get; } = new(StringComparer.Ordinal);
}
