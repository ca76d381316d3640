using Atlas.Diagnostics;

namespace Atlas.Syntax;

internal sealed partial class Parser
{
    /// <summary>
    /// A type (language.md §3 <c>type</c>). Union, intersection and structural types are Tier 2: they are parsed
    /// so that the error is precise, reported, and returned as <see cref="UnsupportedTypeSyntax"/>.
    /// </summary>
    private TypeSyntax ParseType()
    {
        if (!Enter()) return ErrorType();
        try
        {
            int start = Current.Span.Start;
            var first = ParseIntersectionType();
            if (_panicking || !Check(TokenKind.Pipe)) return first;
            while (!_panicking && Match(TokenKind.Pipe)) ParseIntersectionType();
            var span = SpanFrom(start);
            if (!_panicking) ReportTier2("Union type syntax", span);
            return new UnsupportedTypeSyntax { What = "union", Span = span };
        }
        finally
        {
            Leave();
        }
    }

    private TypeSyntax ParseIntersectionType()
    {
        int start = Current.Span.Start;
        var first = ParsePrimaryType();
        if (_panicking || !Check(TokenKind.Ampersand)) return first;
        while (!_panicking && Match(TokenKind.Ampersand)) ParsePrimaryType();
        var span = SpanFrom(start);
        if (!_panicking) ReportTier2("Intersection type syntax", span);
        return new UnsupportedTypeSyntax { What = "intersection", Span = span };
    }

    /// <summary>A function, parenthesised, structural or named type, followed by any number of <c>[]</c>.</summary>
    private TypeSyntax ParsePrimaryType()
    {
        int start = Current.Span.Start;
        int outer = BeginMeasure();
        TypeSyntax type;
        if (Check(TokenKind.LeftParen))
            type = ParseParenthesizedType();
        else if (Check(TokenKind.LeftBrace) && PeekAt(1).Kind == TokenKind.Identifier && PeekAt(2).Kind == TokenKind.Colon)
            type = ParseStructuralType();
        else
            type = ParseNamedType();

        int height = MeasuredHeight;
        while (!_panicking && Match(TokenKind.LeftBracket))
        {
            Expect(TokenKind.RightBracket, DiagnosticId.ExpectedCloser, "']' after '[' in array type");
            type = new ArrayTypeSyntax { Element = type, Span = SpanFrom(start) };
            if (!AddLink(ref height, 0)) break;
        }
        EndMeasure(outer, height);
        return type;
    }

    private TypeSyntax ParseNamedType()
    {
        var token = Current;
        if (token.Kind == TokenKind.Null) Advance();
        else if (ExpectName("a type name") is null) return ErrorType();

        var typeArgs = new List<TypeSyntax>();
        if (Match(TokenKind.Less))
        {
            do
            {
                typeArgs.Add(ParseType());
            }
            while (!_panicking && Match(TokenKind.Comma));
            if (!_panicking) Expect(TokenKind.Greater, DiagnosticId.ExpectedToken, "'>' after type arguments");
        }
        return new NamedTypeSyntax { Name = token.Text, TypeArgs = typeArgs, Span = SpanFrom(token.Span.Start) };
    }

    /// <summary>
    /// <c>(A, B) -> R</c>, <c>() -> R</c> or <c>(A)</c>. The return type extends as far as possible, so
    /// <c>() -> number[]</c> returns an array.
    /// </summary>
    private TypeSyntax ParseParenthesizedType()
    {
        var open = Advance();
        var parameters = new List<TypeSyntax>();
        if (!Check(TokenKind.RightParen))
        {
            do
            {
                parameters.Add(ParseType());
            }
            while (!_panicking && Match(TokenKind.Comma));
            if (_panicking) return ErrorType();
            if (!Expect(TokenKind.RightParen, DiagnosticId.ExpectedCloser, "')' after type list")) return ErrorType();
        }
        else
        {
            Advance();
        }

        if (Match(TokenKind.Arrow))
        {
            var returnType = ParseType();
            return new FunctionTypeSyntax { Params = parameters, Return = returnType, Span = SpanFrom(open.Span.Start) };
        }
        if (parameters.Count == 1) return parameters[0];
        ErrorAtCurrent(parameters.Count == 0 ? DiagnosticId.UnexpectedEmptyTypeGroup : DiagnosticId.ExpectedArrowAfterFunctionTypeParams);
        return ErrorType();
    }

    /// <summary>Tier 2 <c>{ f: T, ... }</c>: parsed and reported.</summary>
    private TypeSyntax ParseStructuralType()
    {
        var open = Advance();
        do
        {
            if (ExpectName("a field name") is null) break;
            if (!Expect(TokenKind.Colon, DiagnosticId.ExpectedToken, "':' after field name")) break;
            ParseType();
        }
        while (!_panicking && Match(TokenKind.Comma));
        if (!_panicking) Expect(TokenKind.RightBrace, DiagnosticId.ExpectedCloser, "'}'");
        var span = SpanFrom(open.Span.Start);
        if (!_panicking) ReportTier2("Structural type syntax", span);
        return new UnsupportedTypeSyntax { What = "structural", Span = span };
    }

    /// <summary>Placeholder for a type that failed to parse (the unit has errors and is never checked).</summary>
    private NamedTypeSyntax ErrorType() => new() { Name = "?", Span = new TextSpan(Current.Span.Start, Current.Span.Start) };
}
