using Atlas.Diagnostics;
using Atlas.Repl.Lsp.Protocol;

namespace Atlas.Repl.Lsp.Analysis;

/// <summary>
/// Converts between UTF-16 offsets (what spans hold) and LSP positions (zero-based line, UTF-16 character). Positions
/// past the end of a line or of the document are clamped, never an error.
/// </summary>
internal sealed class LineMap
{
    private readonly string _text;
    private readonly int[] _lineStarts;

    public LineMap(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        _lineStarts = [.. starts];
    }

    public int LineCount => _lineStarts.Length;

    public int LineOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public Position PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = LineOf(offset);
        return new Position(line, offset - _lineStarts[line]);
    }

    public LspRange RangeOf(TextSpan span) => new(PositionOf(span.Start), PositionOf(Math.Max(span.Start, span.End)));

    /// <summary>The offset of a position; a line or character past the end lands at the end of that line or text.</summary>
    public int OffsetOf(Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _text.Length;
        var start = _lineStarts[position.Line];
        var end = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] - 1 : _text.Length;
        if (end > start && _text[end - 1] == '\r') end--;
        return start + Math.Clamp(position.Character, 0, end - start);
    }

    /// <summary>The whole document as a range.</summary>
    public LspRange Whole => new(new Position(0, 0), PositionOf(_text.Length));
}
