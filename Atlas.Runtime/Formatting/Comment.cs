namespace Atlas.Formatting;

/// <summary>
/// A comment found between two tokens: where it starts, its text, how many line breaks came before it since the
/// previous token or comment, and whether it is a <c>//</c> comment (which ends its line). The lexer drops comments;
/// the formatter and the language server find them here.
/// </summary>
internal readonly record struct Comment(int Start, string Text, int NewlinesBefore, bool IsLine)
{
    /// <summary>
    /// Splits the text between two tokens (only whitespace and comments after a successful lex) into its comments;
    /// <paramref name="newlinesAfter"/> counts the line breaks after the last comment (or in the whole gap without one).
    /// </summary>
    public static List<Comment> Scan(string source, int start, int end, out int newlinesAfter)
    {
        var comments = new List<Comment>();
        var newlines = 0;
        var pos = start;
        while (pos < end)
        {
            var c = source[pos];
            if (c == '\n') { newlines++; pos++; continue; }
            if (c == '/' && pos + 1 < end && source[pos + 1] == '/')
            {
                var stop = source.IndexOf('\n', pos, end - pos);
                if (stop < 0) stop = end;
                comments.Add(new Comment(pos, source[pos..stop].TrimEnd(), newlines, true));
                newlines = 0;
                pos = stop;
                continue;
            }
            if (c == '/' && pos + 1 < end && source[pos + 1] == '*')
            {
                var close = source.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                var stop = close < 0 || close + 2 > end ? end : close + 2;
                comments.Add(new Comment(pos, source[pos..stop], newlines, false));
                newlines = 0;
                pos = stop;
                continue;
            }
            pos++;
        }
        newlinesAfter = newlines;
        return comments;
    }

    /// <summary>Every comment of a lexed source, in order (the gaps between consecutive tokens).</summary>
    public static List<Comment> All(string source, IReadOnlyList<Syntax.Token> tokens)
    {
        var all = new List<Comment>();
        var gapStart = 0;
        foreach (var token in tokens)
        {
            all.AddRange(Scan(source, gapStart, Math.Max(gapStart, token.Span.Start), out _));
            gapStart = Math.Max(gapStart, token.Span.End);
        }
        return all;
    }
}
