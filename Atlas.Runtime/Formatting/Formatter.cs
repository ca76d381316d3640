using Atlas.Syntax;

namespace Atlas.Formatting;

/// <summary>
/// <c>atlas fmt</c>'s engine: one canonical layout for Atlas source (4-space indent, one statement per line, spaces
/// around binary operators, <c>{</c> on the same line, one arm per line, blank lines kept but collapsed to one,
/// comments kept). Source with syntax errors is returned unchanged with its errors. The result is checked to lex to
/// the same tokens as the input (up to trailing commas and the final <c>;</c>), so formatting never changes what a
/// program does.
/// </summary>
internal static class Formatter
{
    public static FormatResult Format(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parse = Parser.Parse(source);
        var errors = parse.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0) return new FormatResult(source, errors, false);
        var tokens = Lexer.Lex(source).Tokens;
        var text = new TokenPrinter(source, tokens, new LayoutFacts(parse.Unit, tokens)).Print();
        var formatted = Lexer.Lex(text).Tokens;
        if (!SameProgram(tokens, formatted))
        {
            // A formatter bug must never cost the user their program: report it and leave the text alone.
            return new FormatResult(source, [], false)
            {
                InternalError = "internal formatter error: the formatted text would not lex to the same tokens; left unchanged",
            };
        }
        return new FormatResult(text, [], !string.Equals(text, source, StringComparison.Ordinal));
    }

    /// <summary>Token sequences equal by kind and text, ignoring trailing commas and an empty (supplied) final <c>;</c>.</summary>
    internal static bool SameProgram(IReadOnlyList<Token> before, IReadOnlyList<Token> after)
    {
        var a = Significant(before);
        var b = Significant(after);
        return a.SequenceEqual(b);
    }

    private static List<(TokenKind, string)> Significant(IReadOnlyList<Token> tokens)
    {
        var list = new List<(TokenKind, string)>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Comma && i + 1 < tokens.Count && tokens[i + 1].Kind is TokenKind.RightParen or TokenKind.RightBrace)
                continue;
            list.Add((t.Kind, t.Kind == TokenKind.Semicolon ? ";" : t.Text));
        }
        return list;
    }
}
