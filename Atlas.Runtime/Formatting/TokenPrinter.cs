using System.Text;
using Atlas.Syntax;

namespace Atlas.Formatting;

/// <summary>
/// Writes a successfully parsed token stream in the canonical layout: it decides only the whitespace between tokens,
/// keeps every comment, and adds or drops nothing but trailing commas where the grammar allows them
/// (after the last parameter and the last match arm) and the final <c>;</c> the lexer supplies.
/// </summary>
internal sealed class TokenPrinter
{
    private const string IndentUnit = "    ";
    private readonly string _source;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly LayoutFacts _facts;
    private readonly StringBuilder _out = new();
    private readonly List<LayoutFrame> _frames = [];
    private readonly SpacingRules _spacing;
    private bool _newlinePending;
    private bool _blankPending;
    private bool _lineHasText;
    // Last token written (kind and whether it was an opener, for "no blank line after {").
    private int _last = -1;
    private bool _lastWasOpener = true;
    private bool _commentSinceLast;
    // Where the last token's text ends in the output: a trailing comma goes there, before any comment after it.
    private int _afterLast;

    public TokenPrinter(string source, IReadOnlyList<Token> tokens, LayoutFacts facts)
    {
        _source = source;
        _tokens = tokens;
        _facts = facts;
        _spacing = new SpacingRules(tokens, facts);
    }

    public string Print()
    {
        var gapStart = 0;
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            var comments = Comment.Scan(_source, gapStart, token.Span.Start, out var newlinesAfter);
            foreach (var comment in comments) WriteComment(comment);
            // A block comment that ended its line in the source keeps the next token on a line of its own.
            if (comments.Count > 0 && !comments[^1].IsLine && newlinesAfter > 0) _newlinePending = true;
            gapStart = token.Span.End;
            if (token.Kind == TokenKind.Eof) break;
            WriteToken(i, newlinesAfter >= 2);
        }
        if (_out.Length > 0) _out.Append('\n');
        return _out.ToString();
    }

    /// <summary>
    /// Indentation: one level per block, match body or one-item-per-line list, plus one for a continuation line
    /// (a line broken inside a one-line list, which only a // comment does), but not for a closing bracket's line.
    /// </summary>
    private int Depth(bool closing)
    {
        var depth = _frames.Count(f => f.Indents);
        return !closing && _frames.Count > 0 && !_frames[^1].Indents ? depth + 1 : depth;
    }

    /// <summary>Blank lines are kept between statements and comments, but not at the start of the file or of a block.</summary>
    private bool BlankAllowed => _out.Length > 0 && (!_lastWasOpener || _commentSinceLast);

    private FrameKind? Top => _frames.Count == 0 ? null : _frames[^1].Kind;

    private void WriteComment(Comment comment)
    {
        if (comment.NewlinesBefore > 0 || !_lineHasText)
        {
            if (_lineHasText) _newlinePending = true;
            _blankPending |= comment.NewlinesBefore >= 2 && BlankAllowed;
            Flush();
        }
        else _out.Append(' ');
        _out.Append(comment.Text);
        _lineHasText = true;
        _commentSinceLast = true;
        if (comment.IsLine) _newlinePending = true;
    }

    private void WriteToken(int i, bool blankBefore)
    {
        var token = _tokens[i];
        var kind = token.Kind;
        var closer = kind is TokenKind.RightBrace or TokenKind.RightParen or TokenKind.RightBracket;
        if (closer && _frames.Count > 0)
        {
            var frame = _frames[^1];
            _frames.RemoveAt(_frames.Count - 1);
            if (frame.Indents)
            {
                var empty = _lastWasOpener && !_commentSinceLast;
                if (!empty && frame.TrailingCommaAllowed && _tokens[_last].Kind != TokenKind.Comma)
                {
                    _out.Insert(_afterLast, ',');
                }
                _newlinePending = !empty;
                _blankPending = false;
            }
        }
        else if (kind == TokenKind.Comma && Top == FrameKind.Inline && IsCloser(i + 1) && _frames[^1].TrailingCommaAllowed)
        {
            return; // a trailing comma in a one-line parameter list is dropped
        }

        if (_newlinePending || !_lineHasText)
        {
            _blankPending |= blankBefore && BlankAllowed && !closer;
            Flush(closer);
        }
        else if (_last >= 0 && _spacing.SpaceBetween(_last, i)) _out.Append(' ');
        _out.Append(token.Text.Length == 0 ? ";" : token.Text);
        _lineHasText = true;
        _afterLast = _out.Length;
        _last = i;
        _lastWasOpener = false;
        _commentSinceLast = false;
        AfterToken(i);
    }

    private bool IsCloser(int i) =>
        i < _tokens.Count && _tokens[i].Kind is TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace;

    /// <summary>Opens frames and decides where a line must end after the token just written.</summary>
    private void AfterToken(int i)
    {
        var kind = _tokens[i].Kind;
        switch (kind)
        {
            case TokenKind.LeftBrace when _facts.InType[i]:
                _frames.Add(new LayoutFrame(FrameKind.Inline, false));
                break;
            case TokenKind.LeftBrace:
                var match = _facts.MatchBraces.Contains(i);
                _frames.Add(new LayoutFrame(match ? FrameKind.MatchBody : FrameKind.Block, match));
                _newlinePending = true;
                _lastWasOpener = true;
                break;
            case TokenKind.LeftParen or TokenKind.LeftBracket:
                var multi = !IsCloser(i + 1) && _source.AsSpan(_tokens[i].Span.End, _tokens[i + 1].Span.Start - _tokens[i].Span.End)
                    .Contains('\n');
                _frames.Add(new LayoutFrame(multi ? FrameKind.MultiLine : FrameKind.Inline, _facts.ParamParens.Contains(i)));
                _newlinePending = multi;
                _lastWasOpener = true;
                break;
            case TokenKind.Semicolon when Top is null or FrameKind.Block:
                _newlinePending = true;
                break;
            case TokenKind.Comma when Top is FrameKind.MatchBody or FrameKind.MultiLine:
                _newlinePending = true;
                break;
            case TokenKind.RightBrace when !_spacing.IsMatchClose(i):
                var next = i + 1 < _tokens.Count ? _tokens[i + 1].Kind : TokenKind.Eof;
                _newlinePending = next is not (TokenKind.Else or TokenKind.Semicolon or TokenKind.Comma or TokenKind.RightParen
                    or TokenKind.RightBracket or TokenKind.Dot or TokenKind.Question);
                break;
            default:
                break;
        }
    }

    private void Flush(bool closing = false)
    {
        if (_out.Length > 0)
        {
            _out.Append('\n');
            if (_blankPending) _out.Append('\n');
        }
        for (var d = Depth(closing); d > 0; d--) _out.Append(IndentUnit);
        _newlinePending = false;
        _blankPending = false;
        _lineHasText = false;
    }
}
