using Atlas.Syntax;

namespace Atlas.Formatting;

/// <summary>
/// Whether two tokens written on one line are separated by a space: spaces around binary operators, <c>=</c>, <c>=&gt;</c>
/// and <c>-&gt;</c>, after commas, colons and keywords; none inside brackets, before <c>(</c> of a call, around
/// <c>.</c>, after a unary operator or around the angle brackets of a type. Never lets two tokens run together.
/// </summary>
internal sealed class SpacingRules
{
    private readonly IReadOnlyList<Token> _tokens;
    private readonly bool[] _unary;
    private readonly bool[] _angle;
    private readonly bool[] _matchClose;

    public SpacingRules(IReadOnlyList<Token> tokens, LayoutFacts facts)
    {
        _tokens = tokens;
        _unary = new bool[tokens.Count];
        _angle = new bool[tokens.Count];
        _matchClose = new bool[tokens.Count];
        var braces = new Stack<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var kind = tokens[i].Kind;
            if (kind == TokenKind.LeftBrace) braces.Push(i);
            else if (kind == TokenKind.RightBrace && braces.Count > 0) _matchClose[i] = facts.MatchBraces.Contains(braces.Pop());
            else if (kind == TokenKind.Bang) _unary[i] = true;
            else if (kind == TokenKind.Minus) _unary[i] = i == 0 || !EndsOperand(i - 1);
            else if (kind is TokenKind.Less or TokenKind.Greater && facts.InType[i]) _angle[i] = true;
            else if (kind == TokenKind.Less && i >= 2 && tokens[i - 1].Kind == TokenKind.Identifier
                     && tokens[i - 2].Kind is TokenKind.Fn or TokenKind.Type)
                MarkTypeParams(i);
        }
    }

    public bool IsMatchClose(int i) => _matchClose[i];

    /// <summary>Marks the angle brackets of a declaration's type parameter list starting at <paramref name="open"/>.</summary>
    private void MarkTypeParams(int open)
    {
        var depth = 0;
        for (var j = open; j < _tokens.Count; j++)
        {
            var kind = _tokens[j].Kind;
            if (kind == TokenKind.Less) depth++;
            else if (kind == TokenKind.Greater) depth--;
            else if (kind is not (TokenKind.Identifier or TokenKind.Comma or TokenKind.Colon)) return;
            _angle[j] = true;
            if (depth == 0) return;
        }
    }

    /// <summary>True when the token can end an operand, so a following <c>-</c> is binary.</summary>
    private bool EndsOperand(int i) =>
        _tokens[i].Kind is TokenKind.Number or TokenKind.String or TokenKind.Identifier or TokenKind.True or TokenKind.False
            or TokenKind.Null or TokenKind.RightParen or TokenKind.RightBracket or TokenKind.Question or TokenKind.Underscore
        || _matchClose[i];

    public bool SpaceBetween(int left, int right)
    {
        var space = WantsSpace(left, right);
        return space || RunTogether(_tokens[left].Text, _tokens[right].Text);
    }

    private bool WantsSpace(int left, int right)
    {
        var p = _tokens[left].Kind;
        var t = _tokens[right].Kind;
        if (t is TokenKind.Comma or TokenKind.Semicolon or TokenKind.RightParen or TokenKind.RightBracket or TokenKind.Dot
            or TokenKind.Question or TokenKind.PlusPlus or TokenKind.MinusMinus or TokenKind.Colon)
            return false;
        if (p is TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.Dot || _unary[left]) return false;
        if (p == TokenKind.LeftBrace && t == TokenKind.RightBrace) return false;
        if (_angle[right] && _tokens[right].Kind == TokenKind.Greater) return false;
        if (_angle[right] || (_angle[left] && p == TokenKind.Less)) return false;
        var callable = p is TokenKind.Identifier or TokenKind.RightParen or TokenKind.RightBracket
                       || (_angle[left] && p == TokenKind.Greater);
        if (t is TokenKind.LeftParen or TokenKind.LeftBracket) return !callable && !(t == TokenKind.LeftBracket && p == TokenKind.String);
        return true;
    }

    /// <summary>True when two token texts written without a space would lex as something else (<c>- -x</c>, <c>a b</c>).</summary>
    private static bool RunTogether(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0) return false;
        var joined = Lexer.Lex(left + right).Tokens;
        var real = joined.Count(t => t.Kind != TokenKind.Eof && t.Text.Length > 0);
        return real != 2 || joined[0].Text != left;
    }
}
