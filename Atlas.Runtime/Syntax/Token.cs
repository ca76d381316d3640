using Atlas.Diagnostics;

namespace Atlas.Syntax;

/// <summary>A lexed token: its kind, source text, span, and decoded value for literals.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, TextSpan Span, double Number = 0, string? StringValue = null)
{
    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
