namespace Atlas.Formatting;

/// <summary>What an open bracket started, as the formatter lays it out.</summary>
internal enum FrameKind
{
    /// <summary><c>{ statements }</c>: one statement per line, indented.</summary>
    Block,
    /// <summary><c>match x { arms }</c>: one arm per line, each ending in a comma.</summary>
    MatchBody,
    /// <summary>Parentheses or brackets kept on one line.</summary>
    Inline,
    /// <summary>Parentheses or brackets written one item per line (the source broke the line after the opener).</summary>
    MultiLine,
}

/// <summary>One open bracket: its layout and whether a trailing comma is allowed before its closer.</summary>
internal readonly record struct LayoutFrame(FrameKind Kind, bool TrailingCommaAllowed)
{
    public bool Indents => Kind != FrameKind.Inline;
}
