using Atlas.Diagnostics;

namespace Atlas.Syntax;

internal sealed partial class Parser
{
    /// <summary><c>p1 | p2 | ...</c>; a single alternative is returned as itself.</summary>
    private Pattern ParseOrPattern()
    {
        var first = ParsePattern();
        if (_panicking || !Check(TokenKind.Pipe)) return first;
        var alternatives = new List<Pattern> { first };
        while (!_panicking && Match(TokenKind.Pipe)) alternatives.Add(ParsePattern());
        return new OrPattern { Alternatives = alternatives, Span = new TextSpan(first.Span.Start, Math.Max(first.Span.Start, Previous.Span.End)) };
    }

    /// <summary>
    /// A single pattern. On error a <see cref="WildcardPattern"/> placeholder is returned (the unit then has
    /// errors and is never compiled).
    /// </summary>
    private Pattern ParsePattern()
    {
        if (!Enter()) return new WildcardPattern { Span = Current.Span };
        try
        {
            return ParsePatternCore();
        }
        finally
        {
            Leave();
        }
    }

    private Pattern ParsePatternCore()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralPattern { Literal = NumberLiteralFrom(token), Span = token.Span };
            case TokenKind.String:
                Advance();
                return new LiteralPattern { Literal = new StringLiteral { Value = token.StringValue ?? string.Empty, Span = token.Span }, Span = token.Span };
            case TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralPattern { Literal = new BoolLiteral { Value = token.Kind == TokenKind.True, Span = token.Span }, Span = token.Span };
            case TokenKind.Null:
                Advance();
                return new LiteralPattern { Literal = new NullLiteral { Span = token.Span }, Span = token.Span };
            case TokenKind.Underscore:
                Advance();
                return new WildcardPattern { Span = token.Span };
            case TokenKind.LeftBracket:
                return ParseArrayPattern();
            case TokenKind.Identifier:
                Advance();
                if (Match(TokenKind.LeftParen))
                {
                    var args = new List<Pattern>();
                    if (!Check(TokenKind.RightParen))
                    {
                        do
                        {
                            args.Add(ParseOrPattern());
                        }
                        while (!_panicking && Match(TokenKind.Comma));
                    }
                    if (!_panicking) Expect(TokenKind.RightParen, DiagnosticId.ExpectedCloser, "')'");
                    return new ConstructorPattern { Name = token.Text, Args = args, Span = SpanFrom(token.Span.Start) };
                }
                // A bare `None` is the empty Option, not a binding named None.
                if (token.Text == "None") return new ConstructorPattern { Name = "None", Args = new(), Span = token.Span };
                return new BindingPattern { Name = token.Text, Span = token.Span };
            default:
                ErrorAtCurrent(DiagnosticId.ExpectedPattern);
                return new WildcardPattern { Span = token.Span };
        }
    }

    /// <summary><c>[p1, ..., pn]</c>: elements are single patterns (no or-patterns), no trailing comma.</summary>
    private ArrayPattern ParseArrayPattern()
    {
        var open = Advance();
        var elements = new List<Pattern>();
        if (!Check(TokenKind.RightBracket))
        {
            do
            {
                elements.Add(ParsePattern());
            }
            while (!_panicking && Match(TokenKind.Comma));
        }
        if (!_panicking) Expect(TokenKind.RightBracket, DiagnosticId.ExpectedCloser, "']'");
        return new ArrayPattern { Elements = elements, Span = SpanFrom(open.Span.Start) };
    }
}
