namespace Atlas.Semantics;

/// <summary>What a name refers to; decides how the compiler reads and writes it.</summary>
internal enum SymbolKind
{
    /// <summary>A <c>let</c>/<c>var</c> declared directly at top level: a global slot.</summary>
    Global,
    /// <summary>A top-level <c>fn</c>: a global slot bound before the script runs.</summary>
    Function,
    /// <summary>A <c>fn</c> declared inside a block: a local slot of its parent plus a late-bound alias (language.md §5.4).</summary>
    NestedFunction,
    /// <summary>A local of a function or of top-level code inside a block (including for/for-in variables and match bindings).</summary>
    Local,
    /// <summary>A function parameter.</summary>
    Parameter,
    /// <summary>A standard-library function or constant (print, PI, None, ...).</summary>
    Builtin,
}
