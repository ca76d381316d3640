namespace Atlas.Syntax;

/// <summary>Base of written types.</summary>
internal abstract class TypeSyntax : SyntaxNode { }

/// <summary>
/// A named type, optionally with type arguments: <c>number</c>, <c>null</c>, <c>Option&lt;T&gt;</c>, an alias or a type parameter.
/// </summary>
internal sealed class NamedTypeSyntax : TypeSyntax
{
    public required string Name { get; init; }
    public List<TypeSyntax> TypeArgs { get; init; } = new();
}

/// <summary><c>T[]</c>.</summary>
internal sealed class ArrayTypeSyntax : TypeSyntax { public required TypeSyntax Element { get; init; } }

/// <summary><c>(A, B) -> R</c>.</summary>
internal sealed class FunctionTypeSyntax : TypeSyntax
{
    public required List<TypeSyntax> Params { get; init; }
    public required TypeSyntax Return { get; init; }
}

/// <summary>Tier 2 type forms (union, intersection, structural); parsed so errors stay precise, rejected by the checker.</summary>
internal sealed class UnsupportedTypeSyntax : TypeSyntax { public required string What { get; init; } }
