using Atlas.Diagnostics;

namespace Atlas.Syntax;

/// <summary>Base of every syntax tree node; the span covers the node's source text.</summary>
internal abstract class SyntaxNode
{
    public TextSpan Span { get; init; }
}

/// <summary>A whole source file: top-level items in source order.</summary>
internal sealed class CompilationUnit : SyntaxNode
{
    public required List<Stmt> Items { get; init; }
    /// <summary>The top-level imports (language.md §15), resolved by the module loader before the unit is checked.</summary>
    public List<ImportDecl> Imports { get; init; } = [];
}
