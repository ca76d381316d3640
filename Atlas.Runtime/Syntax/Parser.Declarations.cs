using Atlas.Diagnostics;

namespace Atlas.Syntax;

internal sealed partial class Parser
{
    /// <summary><c>fn name&lt;T&gt;(params) -> R { body }</c>; Tier 2 annotations are reported and skipped.</summary>
    private FnDecl? ParseFnDecl()
    {
        int headerStart = _pos;
        var keyword = Advance();
        var name = ExpectName("a function name");
        var typeParams = new List<string>();
        var parameters = new List<Param>();
        TypeSyntax? returnType = null;

        if (!_panicking && Check(TokenKind.Less)) typeParams = ParseTypeParams();
        if (!_panicking && Expect(TokenKind.LeftParen, DiagnosticId.ExpectedToken, "'(' after function name"))
        {
            ParseParams(parameters);
            if (!_panicking) Expect(TokenKind.RightParen, DiagnosticId.ExpectedCloser, "')' after parameters");
        }
        if (!_panicking && Match(TokenKind.Arrow))
        {
            SkipOwnershipAnnotation();
            returnType = ParseType();
            if (!_panicking && Check(TokenKind.Is)) SkipTypePredicate();
        }

        // Even with a broken header the body is parsed, so its own errors are reported and braces stay balanced.
        if (!TryResumeAtBlock(headerStart)) return null;
        var body = ParseBlock();
        if (name is not { } nameToken) return null;
        return new FnDecl
        {
            Name = nameToken.Text,
            NameSpan = nameToken.Span,
            TypeParams = typeParams,
            Params = parameters,
            ReturnType = returnType,
            Body = body,
            Span = SpanFrom(keyword.Span.Start),
        };
    }

    /// <summary>Parameters up to (not including) ')'; a trailing comma after the last one is allowed.</summary>
    private void ParseParams(List<Param> parameters)
    {
        if (Check(TokenKind.RightParen)) return;
        while (true)
        {
            SkipOwnershipAnnotation();
            var name = ExpectName("a parameter name");
            if (name is not { } nameToken) return;
            if (!Expect(TokenKind.Colon, DiagnosticId.ExpectedToken, "':' after parameter name")) return;
            var type = ParseType();
            parameters.Add(new Param { Name = nameToken.Text, NameSpan = nameToken.Span, Type = type, Span = SpanFrom(nameToken.Span.Start) });
            if (_panicking || !Match(TokenKind.Comma) || Check(TokenKind.RightParen)) return;
        }
    }

    /// <summary><c>&lt;T, U&gt;</c> after a function or alias name. Bounds (<c>extends</c>, <c>: Trait</c>) are Tier 2.</summary>
    private List<string> ParseTypeParams()
    {
        var names = new List<string>();
        Advance(); // '<'
        while (true)
        {
            var name = ExpectName("a type parameter name");
            if (name is not { } nameToken) return names;
            names.Add(nameToken.Text);
            if (Check(TokenKind.Extends))
            {
                ReportTier2("Type parameter bound 'extends'", Current.Span);
                Advance();
                ParseType();
            }
            else if (Check(TokenKind.Colon))
            {
                ReportTier2("Trait bound", Current.Span);
                Advance();
                do
                {
                    if (ExpectName("a trait name") is null) return names;
                }
                while (Match(TokenKind.Plus));
            }
            if (_panicking || !Match(TokenKind.Comma)) break;
        }
        if (!_panicking) Expect(TokenKind.Greater, DiagnosticId.ExpectedToken, "'>' after type parameters");
        return names;
    }

    private void SkipOwnershipAnnotation()
    {
        if (Current.Kind is TokenKind.Own or TokenKind.Borrow or TokenKind.Shared)
        {
            ReportTier2($"Ownership annotation '{Current.Text}'", Current.Span);
            Advance();
        }
    }

    /// <summary>The Tier 2 type predicate <c>-> bool is x: T</c>: reported, then parsed and dropped.</summary>
    private void SkipTypePredicate()
    {
        ReportTier2("Type predicate 'is'", Current.Span);
        Advance();
        if (ExpectName("a parameter name") is null) return;
        if (Expect(TokenKind.Colon, DiagnosticId.ExpectedToken, "':' after parameter name")) ParseType();
    }

    /// <summary><c>type Name = T;</c> (top level only).</summary>
    private TypeAliasDecl? ParseTypeAlias()
    {
        var keyword = Advance();
        var name = ExpectName("a type alias name");
        if (name is not { } nameToken) return null;
        if (Check(TokenKind.Less))
        {
            ReportTier2("Generic type alias", Current.Span);
            ParseTypeParams();
            if (_panicking) return null;
        }
        if (!Expect(TokenKind.Equal, DiagnosticId.ExpectedToken, "'=' after type alias name")) return null;
        var target = ParseType();
        if (!_panicking) ExpectSemicolon("type alias");
        return new TypeAliasDecl { Name = nameToken.Text, NameSpan = nameToken.Span, Target = target, Span = SpanFrom(keyword.Span.Start) };
    }
}
