using Atlas.Diagnostics;

namespace Atlas.Syntax;

internal sealed partial class Parser
{
    private Stmt? ParseStatement(bool topLevel)
    {
        if (!Enter()) return null;
        try
        {
            return ParseStatementCore(topLevel);
        }
        finally
        {
            Leave();
        }
    }

    private Stmt? ParseStatementCore(bool topLevel)
    {
        switch (Current.Kind)
        {
            case TokenKind.Let or TokenKind.Var: return ParseVarDecl();
            case TokenKind.Fn: return ParseFnDecl();
            case TokenKind.If: return ParseIf();
            case TokenKind.While: return ParseWhile();
            case TokenKind.For: return ParseFor();
            case TokenKind.Return: return ParseReturn();
            case TokenKind.Break or TokenKind.Continue: return ParseBreakOrContinue();
            case TokenKind.LeftBrace: return ParseBlock();
            case TokenKind.Type when topLevel: return ParseTypeAlias();
            case TokenKind.Type:
                // The reference reads this as an expression statement; the help line says what is actually wrong.
                Error(DiagnosticId.ExpectedExpression, Current.Span, help: "type aliases are only allowed at top level");
                return null;
            case TokenKind.Import when topLevel:
                ParseImport();
                return null;
            case TokenKind.Import:
                ErrorAtCurrent(DiagnosticId.ImportNotSupported);
                return null;
            case TokenKind.Export when topLevel:
                return ParseExport();
            case TokenKind.Export:
                while (Check(TokenKind.Export))
                {
                    ReportTier2("'export'", Current.Span);
                    Advance();
                }
                return AtEnd ? null : ParseStatementCore(topLevel);
            case TokenKind.Extern or TokenKind.Trait or TokenKind.Impl:
                ReportTier2($"'{Current.Text}'", Current.Span);
                SkipItem(insideBlock: !topLevel);
                return null;
            default:
                return ParseSimpleStatement(requireSemicolon: true);
        }
    }

    /// <summary><c>{ statements }</c>; a missing '{' is reported and yields an empty block.</summary>
    private BlockStmt ParseBlock()
    {
        int start = Current.Span.Start;
        var statements = new List<Stmt>();
        if (!Expect(TokenKind.LeftBrace, DiagnosticId.ExpectedToken, "'{'"))
            return new BlockStmt { Statements = statements, Span = new TextSpan(start, start) };

        while (!Check(TokenKind.RightBrace) && !AtEnd)
        {
            int statementStart = _pos;
            var statement = ParseStatement(topLevel: false);
            if (statement is not null) statements.Add(statement);
            if (_panicking) Synchronize(statementStart, insideBlock: true);
            if (_pos == statementStart && !Check(TokenKind.RightBrace)) Advance();
        }
        Expect(TokenKind.RightBrace, DiagnosticId.ExpectedCloser, "'}'");
        return new BlockStmt { Statements = statements, Span = SpanFrom(start) };
    }

    private VarDecl? ParseVarDecl()
    {
        var keyword = Advance();
        var name = ExpectName("a variable name");
        if (name is not { } nameToken) return null;

        TypeSyntax? declaredType = null;
        if (Match(TokenKind.Colon)) declaredType = ParseType();

        Expr initializer;
        if (_panicking || !Expect(TokenKind.Equal, DiagnosticId.ExpectedToken, "'=' in variable declaration"))
        {
            initializer = MissingExpr();
        }
        else
        {
            initializer = ParseExpression();
            if (!_panicking) ExpectSemicolon("variable declaration");
        }
        return new VarDecl
        {
            Mutable = keyword.Kind == TokenKind.Var,
            Name = nameToken.Text,
            NameSpan = nameToken.Span,
            DeclaredType = declaredType,
            Initializer = initializer,
            Span = SpanFrom(keyword.Span.Start),
        };
    }

    /// <summary>
    /// Expression statement, assignment, compound assignment or <c>++</c>/<c>--</c>. Without
    /// <paramref name="requireSemicolon"/> it parses a C-style <c>for</c> step.
    /// </summary>
    private Stmt? ParseSimpleStatement(bool requireSemicolon)
    {
        var target = ParseExpression();
        int start = OuterSpan(target).Start;
        if (_panicking) return target is ErrorExpr ? null : new ExprStmt { Expression = target, Span = SpanFrom(start) };

        var op = Current.Kind;
        switch (op)
        {
            case TokenKind.Equal:
            {
                Advance();
                CheckAssignmentTarget(target);
                var value = ParseExpression();
                if (requireSemicolon && !_panicking) ExpectSemicolon("assignment");
                return new AssignStmt { Target = target, Value = value, Span = SpanFrom(start) };
            }
            case TokenKind.PlusEqual or TokenKind.MinusEqual or TokenKind.StarEqual or TokenKind.SlashEqual
                or TokenKind.PercentEqual:
            {
                Advance();
                CheckAssignmentTarget(target);
                var value = ParseExpression();
                if (requireSemicolon && !_panicking) ExpectSemicolon("compound assignment");
                return new CompoundAssignStmt { Target = target, Op = CompoundOperator(op), Value = value, Span = SpanFrom(start) };
            }
            case TokenKind.PlusPlus or TokenKind.MinusMinus:
            {
                Advance();
                CheckAssignmentTarget(target);
                bool increment = op == TokenKind.PlusPlus;
                if (requireSemicolon) ExpectSemicolon(increment ? "increment" : "decrement");
                return new IncDecStmt { Target = target, Increment = increment, Span = SpanFrom(start) };
            }
            default:
                if (requireSemicolon) ExpectSemicolon("expression");
                return new ExprStmt { Expression = target, Span = SpanFrom(start) };
        }
    }

    private static BinaryOp CompoundOperator(TokenKind kind) => kind switch
    {
        TokenKind.PlusEqual => BinaryOp.Add,
        TokenKind.MinusEqual => BinaryOp.Sub,
        TokenKind.StarEqual => BinaryOp.Mul,
        TokenKind.SlashEqual => BinaryOp.Div,
        _ => BinaryOp.Mod,
    };

    /// <summary>Only a name or an index expression can be assigned to (a parenthesised one cannot).</summary>
    private void CheckAssignmentTarget(Expr target)
    {
        bool valid = target is NameExpr or IndexExpr && !_parenthesized.ContainsKey(target);
        if (!valid) Report(DiagnosticId.InvalidAssignmentTarget, OuterSpan(target));
    }

    private IfStmt? ParseIf()
    {
        int headerStart = _pos;
        var keyword = Advance();
        var condition = ParseCondition("'(' after 'if'", "')' after if condition");
        if (!TryResumeAtBlock(headerStart)) return null;
        var then = ParseBlock();
        Stmt? elseBranch = null;
        if (!_panicking && Match(TokenKind.Else))
        {
            // README decision 4: `else if` is sugar for `else { if ... }`.
            elseBranch = Check(TokenKind.If) ? ParseStatement(topLevel: false) : ParseBlock();
        }
        return new IfStmt { Condition = condition, Then = then, Else = elseBranch, Span = SpanFrom(keyword.Span.Start) };
    }

    private WhileStmt? ParseWhile()
    {
        int headerStart = _pos;
        var keyword = Advance();
        var condition = ParseCondition("'(' after 'while'", "')' after while condition");
        if (!TryResumeAtBlock(headerStart)) return null;
        var body = ParseBlock();
        return new WhileStmt { Condition = condition, Body = body, Span = SpanFrom(keyword.Span.Start) };
    }

    /// <summary>The parenthesised condition of <c>if</c>/<c>while</c> (parentheses are mandatory).</summary>
    private Expr ParseCondition(string openWhat, string closeWhat)
    {
        if (!Expect(TokenKind.LeftParen, DiagnosticId.ExpectedToken, openWhat)) return MissingExpr();
        var condition = ParseExpression();
        if (!_panicking) Expect(TokenKind.RightParen, DiagnosticId.ExpectedCloser, closeWhat);
        return condition;
    }

    private Stmt? ParseFor()
    {
        int headerStart = _pos;
        var keyword = Advance();
        if (Check(TokenKind.LeftParen)) return ParseCStyleFor(keyword, headerStart);
        if (Check(TokenKind.Identifier) || Check(TokenKind.Underscore) || Lexer.IsKeyword(Current.Kind))
            return ParseForIn(keyword, headerStart);
        ErrorAtCurrent(DiagnosticId.ExpectedToken, "'(' after 'for'");
        return null;
    }

    private ForStmt? ParseCStyleFor(Token keyword, int headerStart)
    {
        Advance(); // '('
        Stmt? init = null;
        Expr? condition = null;
        Stmt? step = null;
        if (Check(TokenKind.Let) || Check(TokenKind.Var))
        {
            init = ParseVarDecl();
        }
        else if (!Match(TokenKind.Semicolon))
        {
            // An assignment cannot be an initialiser: `for (i = 0; ...)` stops at '=' with "after for initializer".
            var expr = ParseExpression();
            int start = OuterSpan(expr).Start;
            if (!_panicking) ExpectSemicolon("for initializer");
            init = new ExprStmt { Expression = expr, Span = SpanFrom(start) };
        }

        if (!_panicking)
        {
            if (!Check(TokenKind.Semicolon)) condition = ParseExpression();
            if (!_panicking) ExpectSemicolon("for condition");
        }
        if (!_panicking && !Check(TokenKind.RightParen)) step = ParseSimpleStatement(requireSemicolon: false);
        if (!_panicking) Expect(TokenKind.RightParen, DiagnosticId.ExpectedCloser, "')' after for clauses");

        if (!TryResumeAtBlock(headerStart)) return null;
        var body = ParseBlock();
        return new ForStmt { Init = init, Condition = condition, Step = step, Body = body, Span = SpanFrom(keyword.Span.Start) };
    }

    private ForInStmt? ParseForIn(Token keyword, int headerStart)
    {
        var name = ExpectName("variable name after 'for'");
        Expr iterable = MissingExpr();
        if (name is not null && Expect(TokenKind.In, DiagnosticId.ExpectedToken, "'in' after variable name"))
            iterable = ParseExpression();
        if (!TryResumeAtBlock(headerStart)) return null;
        var body = ParseBlock();
        if (name is not { } nameToken) return null;
        return new ForInStmt
        {
            Variable = nameToken.Text,
            VariableSpan = nameToken.Span,
            Iterable = iterable,
            Body = body,
            Span = SpanFrom(keyword.Span.Start),
        };
    }

    private ReturnStmt ParseReturn()
    {
        var keyword = Advance();
        Expr? value = null;
        if (!Check(TokenKind.Semicolon)) value = ParseExpression();
        if (!_panicking) ExpectSemicolon("return");
        return new ReturnStmt { Value = value, Span = SpanFrom(keyword.Span.Start) };
    }

    private Stmt ParseBreakOrContinue()
    {
        var keyword = Advance();
        bool isBreak = keyword.Kind == TokenKind.Break;
        ExpectSemicolon(isBreak ? "break" : "continue");
        var span = SpanFrom(keyword.Span.Start);
        return isBreak ? new BreakStmt { Span = span } : new ContinueStmt { Span = span };
    }
}
