using System.Text;

namespace Atlas.Tests.Repl.LineEditing;

/// <summary>
/// Just enough of a VT100 to check what the line editor draws: printable characters with auto-wrap (including the
/// pending-wrap state at the last column), CR, LF, cursor up/forward, erase below, home and clear.
/// </summary>
internal sealed class VirtualScreen(int width)
{
    private readonly List<char[]> _rows = [];
    private bool _pendingWrap;

    public int Row { get; private set; }
    public int Column { get; private set; }

    /// <summary>The screen's rows without trailing blanks, and without trailing empty rows.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            var lines = _rows.Select(r => new string(r).TrimEnd()).ToList();
            while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            return lines;
        }
    }

    public void Write(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\x1b')
            {
                i = Escape(text, i);
                continue;
            }
            switch (c)
            {
                case '\r': Column = 0; _pendingWrap = false; break;
                case '\n': Row++; _pendingWrap = false; break;
                default:
                    if (_pendingWrap)
                    {
                        Row++;
                        Column = 0;
                        _pendingWrap = false;
                    }
                    RowAt(Row)[Column] = c;
                    if (Column == width - 1) _pendingWrap = true;
                    else Column++;
                    break;
            }
        }
    }

    private int Escape(string text, int i)
    {
        Assert.AreEqual('[', text[i + 1], "only CSI sequences are expected");
        int j = i + 2;
        var number = new StringBuilder();
        while (char.IsAsciiDigit(text[j])) number.Append(text[j++]);
        int n = number.Length == 0 ? 1 : int.Parse(number.ToString());
        _pendingWrap = false;
        switch (text[j])
        {
            case 'A': Row = Math.Max(0, Row - n); break;
            case 'C': Column = Math.Min(width - 1, Column + n); break;
            case 'J':
                if (number.ToString() == "2") _rows.Clear();
                else
                {
                    Array.Fill(RowAt(Row), ' ', Column, width - Column);
                    for (int r = Row + 1; r < _rows.Count; r++) Array.Fill(_rows[r], ' ');
                }
                break;
            case 'H': Row = 0; Column = 0; break;
            default: Assert.Fail($"unexpected escape sequence ending in '{text[j]}'"); break;
        }
        return j;
    }

    private char[] RowAt(int row)
    {
        while (_rows.Count <= row) _rows.Add(Enumerable.Repeat(' ', width).ToArray());
        return _rows[row];
    }
}
