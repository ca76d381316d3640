using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>A declared name. Identity matters: the compiler maps each symbol to one storage slot.</summary>
internal sealed class Symbol
{
    public required string Name { get; init; }
    public required SymbolKind Kind { get; init; }
    public required bool Mutable { get; init; }
    /// <summary>Static type; may be refined while checking (e.g. function symbols get their signature).</summary>
    public required AtlasType Type { get; set; }
    public TextSpan DeclarationSpan { get; init; }
    /// <summary>The function whose frame holds this symbol; null for globals, builtins and top-level code's block locals.</summary>
    public FnDecl? Owner { get; init; }
    /// <summary>For Function and NestedFunction symbols: the declaration.</summary>
    public FnDecl? Declaration { get; init; }

    public override string ToString() => $"{Kind} {Name}: {Type.Display}";
}
