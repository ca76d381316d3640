using Atlas.Diagnostics;

namespace Atlas.Syntax;

internal sealed partial class Parser
{
    /// <summary>A full expression (language.md §8.1: all binary levels left-associative).</summary>
    private Expr ParseExpression()
    {
        if (!Enter()) return MissingExpr();
        try
        {
            return ParseBinary(1);
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>Binding power of a binary operator token (higher binds tighter), 0 if the token is not one.</summary>
    private static (BinaryOp Op, int Precedence) BinaryOperator(TokenKind kind) => kind switch
    {
        TokenKind.PipePipe => (BinaryOp.Or, 1),
        TokenKind.AmpAmp => (BinaryOp.And, 2),
        TokenKind.EqualEqual => (BinaryOp.Equal, 3),
        TokenKind.BangEqual => (BinaryOp.NotEqual, 3),
        TokenKind.Less => (BinaryOp.Less, 4),
        TokenKind.LessEqual => (BinaryOp.LessEqual, 4),
        TokenKind.Greater => (BinaryOp.Greater, 4),
        TokenKind.GreaterEqual => (BinaryOp.GreaterEqual, 4),
        TokenKind.Plus => (BinaryOp.Add, 5),
        TokenKind.Minus => (BinaryOp.Sub, 5),
        TokenKind.Star => (BinaryOp.Mul, 6),
        TokenKind.Slash => (BinaryOp.Div, 6),
        TokenKind.Percent => (BinaryOp.Mod, 6),
        _ => (default, 0),
    };

    private Expr ParseBinary(int minPrecedence)
    {
        int outer = BeginMeasure();
        var left = ParseUnary();
        int height = MeasuredHeight;
        while (!_panicking)
        {
            var (op, precedence) = BinaryOperator(Current.Kind);
            if (precedence == 0 || precedence < minPrecedence) break;
            Advance();
            ResetMeasure();
            var right = ParseBinary(precedence + 1);
            left = new BinaryExpr { Op = op, Left = left, Right = right, Span = new TextSpan(OuterSpan(left).Start, OuterSpan(right).End) };
            if (!AddLink(ref height, MeasuredHeight)) break;
        }
        EndMeasure(outer, height);
        return left;
    }

    /// <summary>Prefix <c>-</c> / <c>!</c>, right-recursive; binds looser than postfix (<c>-a.len()</c> is <c>-(a.len())</c>).</summary>
    private Expr ParseUnary()
    {
        if (!Check(TokenKind.Minus) && !Check(TokenKind.Bang)) return ParsePostfix();
        var opToken = Advance();
        if (!Enter()) return MissingExpr();
        try
        {
            var operand = ParseUnary();
            var op = opToken.Kind == TokenKind.Minus ? UnaryOp.Negate : UnaryOp.Not;
            return new UnaryExpr { Op = op, Operand = operand, Span = new TextSpan(opToken.Span.Start, OuterSpan(operand).End) };
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>Calls, indexing, member access / method calls and <c>?</c> on any primary expression.</summary>
    private Expr ParsePostfix()
    {
        int outer = BeginMeasure();
        var expr = ParsePrimary();
        int height = MeasuredHeight;
        while (!_panicking)
        {
            ResetMeasure();
            if (ParsePostfixOperator(expr) is not { } next) break;
            expr = next;
            if (!AddLink(ref height, MeasuredHeight)) break;
        }
        EndMeasure(outer, height);
        return expr;
    }

    /// <summary>One postfix operator applied to <paramref name="expr"/>, or null if none follows (or a member name is missing).</summary>
    private Expr? ParsePostfixOperator(Expr expr)
    {
        int start = OuterSpan(expr).Start;
        switch (Current.Kind)
        {
            case TokenKind.LeftParen:
            {
                Advance();
                var args = ParseExpressionList(TokenKind.RightParen);
                if (!_panicking) Expect(TokenKind.RightParen, DiagnosticId.ExpectedCloser, "')'");
                return new CallExpr { Callee = expr, Args = args, Span = SpanFrom(start) };
            }
            case TokenKind.LeftBracket:
            {
                Advance();
                var index = ParseExpression();
                if (!_panicking) Expect(TokenKind.RightBracket, DiagnosticId.ExpectedCloser, "']'");
                return new IndexExpr { Target = expr, Index = index, Span = SpanFrom(start) };
            }
            case TokenKind.Dot:
            {
                Advance();
                if (ExpectName("a method or property name") is not { } name) return null;
                List<Expr>? args = null;
                if (Match(TokenKind.LeftParen))
                {
                    args = ParseExpressionList(TokenKind.RightParen);
                    if (!_panicking) Expect(TokenKind.RightParen, DiagnosticId.ExpectedCloser, "')'");
                }
                return new MemberExpr { Target = expr, Name = name.Text, NameSpan = name.Span, Args = args, Span = SpanFrom(start) };
            }
            case TokenKind.Question:
                Advance();
                return new TryExpr { Operand = expr, Span = SpanFrom(start) };
            default:
                return null;
        }
    }

    /// <summary>Comma-separated expressions up to (not including) <paramref name="closer"/>; no trailing comma.</summary>
    private List<Expr> ParseExpressionList(TokenKind closer)
    {
        var list = new List<Expr>();
        if (Check(closer)) return list;
        do
        {
            list.Add(ParseExpression());
        }
        while (!_panicking && Match(TokenKind.Comma));
        return list;
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return NumberLiteralFrom(token);
            case TokenKind.String:
                Advance();
                return new StringLiteral { Value = token.StringValue ?? string.Empty, Span = token.Span };
            case TokenKind.True or TokenKind.False:
                Advance();
                return new BoolLiteral { Value = token.Kind == TokenKind.True, Span = token.Span };
            case TokenKind.Null:
                Advance();
                return new NullLiteral { Span = token.Span };
            case TokenKind.Identifier:
                Advance();
                return new NameExpr { Name = token.Text, Span = token.Span };
            case TokenKind.LeftParen:
            {
                Advance();
                var inner = ParseExpression();
                if (!_panicking) Expect(TokenKind.RightParen, DiagnosticId.ExpectedCloser, "')'");
                _parenthesized[inner] = SpanFrom(token.Span.Start);
                return inner;
            }
            case TokenKind.LeftBracket:
            {
                Advance();
                var elements = ParseExpressionList(TokenKind.RightBracket);
                if (!_panicking) Expect(TokenKind.RightBracket, DiagnosticId.ExpectedCloser, "']'");
                return new ArrayLiteral { Elements = elements, Span = SpanFrom(token.Span.Start) };
            }
            case TokenKind.Match:
                return ParseMatch();
            default:
                ErrorAtCurrent(DiagnosticId.ExpectedExpression);
                return MissingExpr();
        }
    }

    /// <summary>A number literal; one that overflowed to infinity is reported (AT1001) but parsing goes on.</summary>
    private NumberLiteral NumberLiteralFrom(Token token)
    {
        if (double.IsInfinity(token.Number)) Report(DiagnosticId.InvalidNumberLiteral, token.Span, token.Text);
        return new NumberLiteral { Value = token.Number, Span = token.Span };
    }

    /// <summary><c>match e { pattern [if guard] => expr, ... }</c> with at least one arm and an optional trailing comma.</summary>
    private Expr ParseMatch()
    {
        var keyword = Advance();
        var scrutinee = ParseExpression();
        var arms = new List<MatchArm>();
        if (!_panicking && Expect(TokenKind.LeftBrace, DiagnosticId.ExpectedToken, "'{' after match expression"))
        {
            while (!Check(TokenKind.RightBrace) && !AtEnd)
            {
                var arm = ParseMatchArm();
                if (arm is not null) arms.Add(arm);
                if (_panicking) break;
                if (!Check(TokenKind.RightBrace) && !Expect(TokenKind.Comma, DiagnosticId.ExpectedToken, "',' after match arm")) break;
            }
            if (!_panicking) Expect(TokenKind.RightBrace, DiagnosticId.ExpectedCloser, "'}' after match arms");
        }
        var span = SpanFrom(keyword.Span.Start);
        if (!_panicking && arms.Count == 0) Report(DiagnosticId.MatchNeedsArm, span);
        return new MatchExpr { Scrutinee = scrutinee, Arms = arms, Span = span };
    }

    private MatchArm? ParseMatchArm()
    {
        int start = Current.Span.Start;
        var pattern = ParseOrPattern();
        if (_panicking) return null;
        Expr? guard = null;
        if (Match(TokenKind.If)) guard = ParseExpression();
        Expr body = MissingExpr();
        if (!_panicking && Expect(TokenKind.FatArrow, DiagnosticId.ExpectedToken, "'=>' after pattern"))
            body = ParseExpression();
        return new MatchArm { Pattern = pattern, Guard = guard, Body = body, Span = SpanFrom(start) };
    }
}
