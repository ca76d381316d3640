using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Repl.Repl;

/// <summary>
/// Decides whether the lines typed so far form a whole entry (repl.md "Input"): every <c>{ ( [</c> is closed and
/// no string or block comment is still open. Uses the real lexer, so strings and comments count exactly as they
/// will when the entry is parsed.
/// </summary>
internal static class EntryCompleteness
{
    public static bool IsComplete(string text)
    {
        if (IsCommand(text)) return true;
        var lexed = Lexer.Lex(text);
        if (lexed.Diagnostics.Any(d => d.Id is DiagnosticId.UnterminatedString or DiagnosticId.UnterminatedComment)) return false;
        int depth = 0;
        foreach (var token in lexed.Tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.LeftParen or TokenKind.LeftBrace or TokenKind.LeftBracket: depth++; break;
                // A stray closer cannot be fixed by typing more: let the parser report it.
                case TokenKind.RightParen or TokenKind.RightBrace or TokenKind.RightBracket: depth = Math.Max(0, depth - 1); break;
            }
        }
        return depth == 0;
    }

    /// <summary>A REPL command is one line starting with ':'.</summary>
    public static bool IsCommand(string text) => text.TrimStart().StartsWith(':');
}
