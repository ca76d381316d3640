using Atlas.Semantics;

namespace Atlas.Syntax;

/// <summary>Base of match patterns.</summary>
internal abstract class Pattern : SyntaxNode { }

/// <summary>A number, string, bool or null literal pattern.</summary>
internal sealed class LiteralPattern : Pattern { public required Expr Literal { get; init; } }

/// <summary><c>_</c>.</summary>
internal sealed class WildcardPattern : Pattern { }

/// <summary>A name that binds the matched value.</summary>
internal sealed class BindingPattern : Pattern
{
    public required string Name { get; init; }
    public Symbol? Symbol { get; set; }
}

/// <summary><c>Some(p)</c>, <c>None</c>, <c>Ok(p)</c>, <c>Err(p)</c> (other names are checker errors).</summary>
internal sealed class ConstructorPattern : Pattern
{
    public required string Name { get; init; }
    public required List<Pattern> Args { get; init; }
}

/// <summary><c>[p1, ..., pn]</c>: an array of exactly n elements.</summary>
internal sealed class ArrayPattern : Pattern { public required List<Pattern> Elements { get; init; } }

/// <summary><c>p1 | p2 | ...</c>.</summary>
internal sealed class OrPattern : Pattern { public required List<Pattern> Alternatives { get; init; } }
