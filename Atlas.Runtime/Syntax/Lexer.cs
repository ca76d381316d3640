using System.Buffers;
using System.Globalization;
using System.Text;
using Atlas.Diagnostics;

namespace Atlas.Syntax;

/// <summary>
/// Turns Atlas source into tokens (language.md §2). Spans are UTF-16 offsets into the string as given.
/// The spec's source prep (trim; append ';' unless the text ends in ';' or '}') is applied without moving
/// offsets: surrounding whitespace and a leading byte-order mark are skipped, and the appended ';' becomes
/// a zero-length <see cref="TokenKind.Semicolon"/> with empty text just before <see cref="TokenKind.Eof"/>.
/// </summary>
internal static class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["let"] = TokenKind.Let, ["var"] = TokenKind.Var, ["fn"] = TokenKind.Fn, ["type"] = TokenKind.Type,
        ["if"] = TokenKind.If, ["else"] = TokenKind.Else, ["while"] = TokenKind.While, ["for"] = TokenKind.For,
        ["in"] = TokenKind.In, ["return"] = TokenKind.Return, ["break"] = TokenKind.Break,
        ["continue"] = TokenKind.Continue, ["true"] = TokenKind.True, ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null, ["import"] = TokenKind.Import, ["export"] = TokenKind.Export,
        ["from"] = TokenKind.From, ["extern"] = TokenKind.Extern, ["match"] = TokenKind.Match, ["as"] = TokenKind.As,
        ["extends"] = TokenKind.Extends, ["is"] = TokenKind.Is, ["own"] = TokenKind.Own, ["borrow"] = TokenKind.Borrow,
        ["shared"] = TokenKind.Shared, ["trait"] = TokenKind.Trait, ["impl"] = TokenKind.Impl,
    };

    /// <summary>Lexes the whole source; never throws on any input. Lexing continues after errors.</summary>
    public static LexResult Lex(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Scanner(source).Run();
    }

    /// <summary>The spelling of every keyword (language.md §2.2).</summary>
    public static IEnumerable<string> KeywordTexts => Keywords.Keys;

    /// <summary>True for the keywords of language.md §2.2.</summary>
    public static bool IsKeyword(TokenKind kind) => kind >= TokenKind.Let && kind <= TokenKind.Impl;

    private sealed class Scanner(string src)
    {
        private readonly List<Token> _tokens = new();
        private readonly List<Diagnostic> _diagnostics = new();
        private int _pos;
        private int _end;
        // Set when a comment or string runs into the end of the text: the spec's appended ';' would land inside it.
        private bool _endSwallowed;

        public LexResult Run()
        {
            int start = src.Length > 0 && src[0] == '\uFEFF' ? 1 : 0;
            while (start < src.Length && char.IsWhiteSpace(src[start])) start++;
            _end = src.Length;
            while (_end > start && char.IsWhiteSpace(src[_end - 1])) _end--;
            _pos = start;

            while (_pos < _end) ScanToken();

            if (_end > start && !_endSwallowed && src[_end - 1] != ';' && src[_end - 1] != '}')
                _tokens.Add(new Token(TokenKind.Semicolon, string.Empty, new TextSpan(_end, _end)));
            _tokens.Add(new Token(TokenKind.Eof, string.Empty, new TextSpan(_end, _end)));
            return new LexResult(_tokens, _diagnostics);
        }

        private char Peek(int ahead) => _pos + ahead < _end ? src[_pos + ahead] : '\0';

        private void ScanToken()
        {
            char c = src[_pos];
            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n':
                    _pos++;
                    return;
                case '/' when Peek(1) == '/':
                    SkipLineComment();
                    return;
                case '/' when Peek(1) == '*':
                    SkipBlockComment();
                    return;
                case '"':
                    ScanString();
                    return;
                case >= '0' and <= '9':
                    ScanNumber();
                    return;
            }
            if (TryScanOperator(c)) return;
            ScanIdentifierOrUnexpected();
        }

        private void SkipLineComment()
        {
            int newline = src.IndexOf('\n', _pos, _end - _pos);
            if (newline < 0)
            {
                _pos = _end;
                _endSwallowed = true;
            }
            else
            {
                _pos = newline;
            }
        }

        private void SkipBlockComment()
        {
            int start = _pos;
            int close = _pos + 2 <= _end ? src.IndexOf("*/", _pos + 2, _end - _pos - 2, StringComparison.Ordinal) : -1;
            if (close < 0)
            {
                Report(DiagnosticId.UnterminatedComment, start, _end);
                _pos = _end;
                _endSwallowed = true;
            }
            else
            {
                _pos = close + 2;
            }
        }

        private void ScanNumber()
        {
            int start = _pos;
            while (char.IsAsciiDigit(Peek(0))) _pos++;
            if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
            {
                _pos++;
                while (char.IsAsciiDigit(Peek(0))) _pos++;
            }
            if (Peek(0) is 'e' or 'E')
            {
                _pos++;
                if (Peek(0) is '+' or '-') _pos++;
                if (!char.IsAsciiDigit(Peek(0)))
                {
                    Report(DiagnosticId.InvalidNumberExponent, start, _pos);
                    return;
                }
                while (char.IsAsciiDigit(Peek(0))) _pos++;
            }
            string text = src[start.._pos];
            // Overflow to infinity is reported by the parser (language.md §2.3 calls it a parse error).
            double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            Add(TokenKind.Number, start, value);
        }

        private void ScanString()
        {
            int start = _pos++;
            var value = new StringBuilder();
            bool badEscapeReported = false;
            while (true)
            {
                if (_pos >= _end)
                {
                    Report(DiagnosticId.UnterminatedString, start, _end);
                    _endSwallowed = true;
                    return;
                }
                char c = src[_pos];
                if (c == '"')
                {
                    _pos++;
                    Add(TokenKind.String, start, stringValue: value.ToString());
                    return;
                }
                if (c != '\\')
                {
                    value.Append(c);
                    _pos++;
                    continue;
                }
                if (_pos + 1 >= _end)
                {
                    _pos++;
                    continue; // the missing quote is reported on the next iteration
                }
                string escaped = ScalarAt(_pos + 1);
                switch (escaped)
                {
                    case "n": value.Append('\n'); break;
                    case "r": value.Append('\r'); break;
                    case "t": value.Append('\t'); break;
                    case "\\": value.Append('\\'); break;
                    case "\"": value.Append('"'); break;
                    default:
                        if (!badEscapeReported)
                        {
                            Report(DiagnosticId.InvalidEscape, _pos, _pos + 1 + escaped.Length, escaped);
                            badEscapeReported = true;
                        }
                        value.Append(escaped);
                        break;
                }
                _pos += 1 + escaped.Length;
            }
        }

        private bool TryScanOperator(char c)
        {
            char n = Peek(1);
            (TokenKind kind, int length) = c switch
            {
                '+' => n == '+' ? (TokenKind.PlusPlus, 2) : n == '=' ? (TokenKind.PlusEqual, 2) : (TokenKind.Plus, 1),
                '-' => n == '-' ? (TokenKind.MinusMinus, 2) : n == '=' ? (TokenKind.MinusEqual, 2)
                     : n == '>' ? (TokenKind.Arrow, 2) : (TokenKind.Minus, 1),
                '*' => n == '=' ? (TokenKind.StarEqual, 2) : (TokenKind.Star, 1),
                '/' => n == '=' ? (TokenKind.SlashEqual, 2) : (TokenKind.Slash, 1),
                '%' => n == '=' ? (TokenKind.PercentEqual, 2) : (TokenKind.Percent, 1),
                '=' => n == '=' ? (TokenKind.EqualEqual, 2) : n == '>' ? (TokenKind.FatArrow, 2) : (TokenKind.Equal, 1),
                '!' => n == '=' ? (TokenKind.BangEqual, 2) : (TokenKind.Bang, 1),
                '<' => n == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1),
                '>' => n == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1),
                '&' => n == '&' ? (TokenKind.AmpAmp, 2) : (TokenKind.Ampersand, 1),
                '|' => n == '|' ? (TokenKind.PipePipe, 2) : (TokenKind.Pipe, 1),
                '(' => (TokenKind.LeftParen, 1),
                ')' => (TokenKind.RightParen, 1),
                '{' => (TokenKind.LeftBrace, 1),
                '}' => (TokenKind.RightBrace, 1),
                '[' => (TokenKind.LeftBracket, 1),
                ']' => (TokenKind.RightBracket, 1),
                ';' => (TokenKind.Semicolon, 1),
                ',' => (TokenKind.Comma, 1),
                ':' => (TokenKind.Colon, 1),
                '.' => (TokenKind.Dot, 1),
                '?' => (TokenKind.Question, 1),
                _ => (TokenKind.Eof, 0),
            };
            if (length == 0) return false;
            int start = _pos;
            _pos += length;
            Add(kind, start);
            return true;
        }

        private void ScanIdentifierOrUnexpected()
        {
            int start = _pos;
            if (!TryDecodeRune(_pos, out Rune first, out int width) || !(Rune.IsLetter(first) || first.Value == '_'))
            {
                string bad = ScalarAt(_pos);
                _pos += bad.Length;
                Report(DiagnosticId.UnexpectedCharacter, start, _pos, bad);
                return;
            }
            _pos += width;
            while (_pos < _end && TryDecodeRune(_pos, out Rune r, out width)
                   && (Rune.IsLetter(r) || Rune.IsNumber(r) || r.Value == '_'))
            {
                _pos += width;
            }
            string text = src[start.._pos];
            TokenKind kind = text == "_" ? TokenKind.Underscore
                : Keywords.TryGetValue(text, out var keyword) ? keyword : TokenKind.Identifier;
            Add(kind, start);
        }

        private bool TryDecodeRune(int at, out Rune rune, out int width) =>
            Rune.DecodeFromUtf16(src.AsSpan(at, _end - at), out rune, out width) == OperationStatus.Done;

        // One Unicode scalar as text (a lone surrogate is returned as itself).
        private string ScalarAt(int at) =>
            TryDecodeRune(at, out _, out int width) ? src.Substring(at, width) : src.Substring(at, 1);

        private void Add(TokenKind kind, int start, double number = 0, string? stringValue = null) =>
            _tokens.Add(new Token(kind, src[start.._pos], new TextSpan(start, _pos), number, stringValue));

        private void Report(DiagnosticId id, int start, int end, params object[] args) =>
            _diagnostics.Add(Diagnostic.Create(id, new TextSpan(start, end), args));
    }
}
