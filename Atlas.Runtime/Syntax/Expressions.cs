using Atlas.Semantics;

namespace Atlas.Syntax;

/// <summary>Base of expressions. <see cref="Type"/> is filled in by the type checker.</summary>
internal abstract class Expr : SyntaxNode
{
    /// <summary>Static type proved by the checker (Unknown when unchecked).</summary>
    public AtlasType? Type { get; set; }
}

/// <summary>A number literal.</summary>
internal sealed class NumberLiteral : Expr { public required double Value { get; init; } }

/// <summary>A string literal with escapes already decoded.</summary>
internal sealed class StringLiteral : Expr { public required string Value { get; init; } }

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed class BoolLiteral : Expr { public required bool Value { get; init; } }

/// <summary><c>null</c>.</summary>
internal sealed class NullLiteral : Expr { }

/// <summary>A name; <see cref="Symbol"/> is what the binder resolved it to.</summary>
internal sealed class NameExpr : Expr
{
    public required string Name { get; init; }
    public Symbol? Symbol { get; set; }
}

/// <summary><c>[a, b, c]</c>.</summary>
internal sealed class ArrayLiteral : Expr { public required List<Expr> Elements { get; init; } }

/// <summary><c>-x</c> or <c>!x</c>.</summary>
internal sealed class UnaryExpr : Expr
{
    public required UnaryOp Op { get; init; }
    public required Expr Operand { get; init; }
}

/// <summary>A binary operator application, including <c>&amp;&amp;</c> and <c>||</c>.</summary>
internal sealed class BinaryExpr : Expr
{
    public required BinaryOp Op { get; init; }
    public required Expr Left { get; init; }
    public required Expr Right { get; init; }
}

/// <summary><c>callee(args)</c>; the span runs from the callee's start to the closing parenthesis.</summary>
internal sealed class CallExpr : Expr
{
    public required Expr Callee { get; init; }
    public required List<Expr> Args { get; init; }
}

/// <summary><c>target[index]</c>.</summary>
internal sealed class IndexExpr : Expr
{
    public required Expr Target { get; init; }
    public required Expr Index { get; init; }
}

/// <summary><c>target.name</c> or <c>target.name(args)</c> (a method call; without parentheses it is a zero-argument call).</summary>
internal sealed class MemberExpr : Expr
{
    public required Expr Target { get; init; }
    public required string Name { get; init; }
    public required Diagnostics.TextSpan NameSpan { get; init; }
    /// <summary>Null when written without parentheses.</summary>
    public List<Expr>? Args { get; init; }
    public IReadOnlyList<Expr> ArgList => Args ?? (IReadOnlyList<Expr>)Array.Empty<Expr>();
}

/// <summary><c>operand?</c>: unwrap Ok or return the Err from the enclosing function.</summary>
internal sealed class TryExpr : Expr { public required Expr Operand { get; init; } }

/// <summary><c>match scrutinee { arms }</c>.</summary>
internal sealed class MatchExpr : Expr
{
    public required Expr Scrutinee { get; init; }
    public required List<MatchArm> Arms { get; init; }
}

/// <summary>One arm: pattern, optional guard, body expression.</summary>
internal sealed class MatchArm : SyntaxNode
{
    public required Pattern Pattern { get; init; }
    public Expr? Guard { get; init; }
    public required Expr Body { get; init; }
}

/// <summary>Placeholder produced by error recovery; never reaches the compiler.</summary>
internal sealed class ErrorExpr : Expr { }
