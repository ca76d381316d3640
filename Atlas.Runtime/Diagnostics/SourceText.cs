namespace Atlas.Diagnostics;

/// <summary>A source file's text with a line index, mapping UTF-16 offsets to 1-based line/column positions.</summary>
internal sealed class SourceText
{
    private const char ByteOrderMark = '\uFEFF';
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        var starts = new List<int> { 0 };
        // Only LF ends a line (language.md §2.1); a CR before it is stripped from the line text.
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    /// <summary>The text exactly as given (offsets in spans index into it).</summary>
    public string Text { get; }

    /// <summary>Number of lines; a text ending in a newline has an empty last line.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>1-based line and column of <paramref name="offset"/>; the column counts Unicode scalars from the line start.</summary>
    public (int Line, int Column) GetLineColumn(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        int lineStart = ContentStart(index);
        // Without surrogates every UTF-16 unit is a scalar: a vectorised scan, which keeps many lookups on one very
        // long line cheap.
        if (Text.AsSpan(lineStart, Math.Max(0, offset - lineStart)).IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            return (index + 1, Math.Max(0, offset - lineStart) + 1);
        int column = 1;
        for (int i = lineStart; i < offset; i++)
        {
            // The low half of a surrogate pair belongs to the scalar already counted.
            if (char.IsLowSurrogate(Text[i]) && i > lineStart && char.IsHighSurrogate(Text[i - 1])) continue;
            column++;
        }
        return (index + 1, column);
    }

    /// <summary>UTF-16 offset where 1-based <paramref name="line"/> starts.</summary>
    public int GetLineStart(int line)
    {
        CheckLine(line);
        return ContentStart(line - 1);
    }

    /// <summary>The text of 1-based <paramref name="line"/> without its line break (a trailing '\r' is stripped too).</summary>
    public string GetLineText(int line)
    {
        int start = GetLineStart(line);
        int end = GetLineEnd(line);
        return end > start ? Text[start..end] : string.Empty;
    }

    /// <summary>UTF-16 offset where the text of 1-based <paramref name="line"/> ends (before its '\r\n' or '\n').</summary>
    public int GetLineEnd(int line)
    {
        CheckLine(line);
        int start = ContentStart(line - 1);
        int end = line < _lineStarts.Length ? _lineStarts[line] - 1 : Text.Length;
        if (end > start && Text[end - 1] == '\r') end--;
        return Math.Max(start, end);
    }

    // A leading byte-order mark is not part of the program (README decision 14), so it does not shift columns.
    private int ContentStart(int lineIndex)
    {
        int start = _lineStarts[lineIndex];
        return lineIndex == 0 && Text.Length > 0 && Text[0] == ByteOrderMark ? 1 : start;
    }

    private void CheckLine(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
            throw new ArgumentOutOfRangeException(nameof(line), line, $"line must be between 1 and {_lineStarts.Length}");
    }
}
