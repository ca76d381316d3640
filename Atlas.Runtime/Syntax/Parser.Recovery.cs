namespace Atlas.Syntax;

internal sealed partial class Parser
{
    /// <summary>Tokens that start a statement the parser can resume at (language.md §3, last bullet).</summary>
    private static bool IsSyncKeyword(TokenKind kind) => kind is TokenKind.Fn or TokenKind.Type or TokenKind.Let
        or TokenKind.Var or TokenKind.If or TokenKind.While or TokenKind.For or TokenKind.Return;

    /// <summary>
    /// Leaves panic mode after a failed statement that began at token index <paramref name="statementStart"/>:
    /// skips to just after a ';' or to a statement keyword. Braces are counted so that a '}' closing the current
    /// block is never skipped (blocks stay balanced) while braces opened inside the statement (a match body) are.
    /// Always consumes at least one token when the statement consumed none, so parsing terminates.
    /// </summary>
    private void Synchronize(int statementStart, bool insideBlock)
    {
        int depth = 0;
        for (int i = statementStart; i < _pos; i++)
        {
            if (_tokens[i].Kind == TokenKind.LeftBrace) depth++;
            else if (_tokens[i].Kind == TokenKind.RightBrace && depth > 0) depth--;
        }

        bool progressed = _pos > statementStart;
        while (!AtEnd)
        {
            var kind = Current.Kind;
            if (progressed && IsSyncKeyword(kind)) break;
            if (kind == TokenKind.RightBrace)
            {
                if (depth > 0) depth--;
                else if (insideBlock) break;
            }
            else if (kind == TokenKind.LeftBrace)
            {
                depth++;
            }
            Advance();
            progressed = true;
            if (kind == TokenKind.Semicolon && depth == 0) break;
        }
        _panicking = false;
    }

    /// <summary>
    /// After an error in the header of an <c>if</c>/<c>while</c>/<c>for</c>/<c>fn</c> that began at token index
    /// <paramref name="headerStart"/>, looks ahead for the body's '{' and resumes there, so the body is still parsed
    /// and a typo in a header costs one diagnostic rather than a cascade. The look-ahead gives up at a '}', a
    /// statement keyword, or a ';' outside the header's parentheses (a <c>for</c> header contains ';').
    /// </summary>
    private bool TryResumeAtBlock(int headerStart)
    {
        if (!_panicking) return true;
        int parens = 0;
        for (int i = headerStart; i < _pos; i++)
        {
            if (_tokens[i].Kind == TokenKind.LeftParen) parens++;
            else if (_tokens[i].Kind == TokenKind.RightParen) parens--;
        }
        for (int i = _pos; i < _tokens.Count; i++)
        {
            switch (_tokens[i].Kind)
            {
                case TokenKind.LeftBrace:
                    _pos = i;
                    _panicking = false;
                    return true;
                case TokenKind.LeftParen:
                    parens++;
                    break;
                case TokenKind.RightParen:
                    parens--;
                    break;
                case TokenKind.Semicolon when parens <= 0:
                case TokenKind.RightBrace or TokenKind.Eof:
                    return false;
                case var kind when i > _pos && IsSyncKeyword(kind):
                    return false;
            }
        }
        return false;
    }

    /// <summary>Skips a Tier 2 item (trait, impl, extern ...): up to and including its ';' or its balanced '{ }' body.</summary>
    private void SkipItem(bool insideBlock)
    {
        int depth = 0;
        while (!AtEnd)
        {
            var kind = Current.Kind;
            if (kind == TokenKind.RightBrace && depth == 0 && insideBlock) return;
            Advance();
            if (kind == TokenKind.LeftBrace)
            {
                depth++;
            }
            else if (kind == TokenKind.RightBrace)
            {
                if (--depth <= 0) return;
            }
            else if (kind == TokenKind.Semicolon && depth == 0)
            {
                return;
            }
        }
    }
}
