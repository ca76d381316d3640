using Atlas.Semantics;

namespace Atlas.Syntax;

/// <summary>Base of match patterns.</summary>
public abstract class Pattern : SyntaxNode { }

/// <summary>A number, string, bool or null literal pattern.</summary>
public sealed class LiteralPattern : Pattern { public required Expr Literal { get; init; } }

/// <summary><c>_</c>.</summary>
public sealed class WildcardPattern : Pattern { }

/// <summary>A name that binds the matched value.</summary>
public sealed class BindingPattern : Pattern
{
    public required string Name { get; init; }
    public Symbol? Symbol { get; set; }
}

/// <summary><c>Some(p)</c>, <c>None</c>, <c>Ok(p)</c>, <c>Err(p)</c> (other names are checker errors).</summary>
public sealed class ConstructorPattern : Pattern
{
    public required string Name { get; init; }
    public required List<Pattern> Args { get; init; }
}

/// <summary><c>[p1, ..., pn]</c>: an array of exactly n elements.</summary>
public sealed class ArrayPattern : Pattern { public required List<Pattern> Elements { get; init; } }

/// <summary><c>p1 | p2 | ...</c>.</summary>
public sealed class OrPattern : Pattern { public required List<Pattern> Alternatives { get; init; } }
