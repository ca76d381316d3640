using System.Text;

namespace Atlas.Repl.Repl.LineEditing;

/// <summary>
/// Draws the entry being edited below the output that precedes it: every line with its prompt (<c>&gt;&gt;&gt; </c>
/// first, <c>... </c> after), soft-wrapped at the terminal width, with the cursor placed in it. Each redraw returns to
/// the entry's first row and repaints from there, so it only needs relative cursor movement (ANSI/VT100).
/// </summary>
internal sealed class EntryRenderer(ITerminal terminal)
{
    public const string Prompt = ">>> ";
    public const string ContinuationPrompt = "... ";

    /// <summary>Row of the cursor, counted from the entry's first row, as last drawn.</summary>
    private int _cursorRow;

    /// <summary>Starts a new entry on the current (fresh) row.</summary>
    public void Begin() => _cursorRow = 0;

    /// <summary>Redraws the entry with the cursor at <paramref name="cursor"/> (an offset into <paramref name="text"/>).</summary>
    public void Draw(string text, int cursor)
    {
        int width = Math.Max(terminal.Width, 8);
        var sb = new StringBuilder();
        if (_cursorRow > 0) sb.Append("\x1b[").Append(_cursorRow).Append('A');
        sb.Append("\r\x1b[J");

        var lines = text.Split('\n');
        int cursorLine = 0, cursorColumn = cursor;
        for (int i = 0, start = 0; i < lines.Length; start += lines[i].Length + 1, i++)
        {
            if (cursor >= start && cursor <= start + lines[i].Length)
            {
                cursorLine = i;
                cursorColumn = Cells(lines[i].AsSpan(0, cursor - start));
                break;
            }
        }

        int row = 0, targetRow = 0, targetColumn = 0, endRow = 0, endColumn = 0;
        bool freshRow = true;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!freshRow)
            {
                sb.Append("\r\n");
                row++;
            }
            string prompt = i == 0 ? Prompt : ContinuationPrompt;
            sb.Append(prompt).Append(lines[i].Replace('\t', ' '));
            int cells = prompt.Length + Cells(lines[i]);
            if (i == cursorLine)
            {
                int at = prompt.Length + cursorColumn;
                targetRow = row + at / width;
                targetColumn = at % width;
            }
            // A line that exactly fills its last row leaves the terminal cursor in the "pending wrap" state; moving
            // to the next row explicitly keeps the row arithmetic the same for every terminal.
            freshRow = cells > 0 && cells % width == 0;
            if (freshRow) sb.Append(" \r");
            row += cells / width;
            endRow = row;
            endColumn = freshRow ? 0 : cells % width;
        }

        if (endRow > targetRow) sb.Append("\x1b[").Append(endRow - targetRow).Append('A');
        if (endColumn != targetColumn)
        {
            sb.Append('\r');
            if (targetColumn > 0) sb.Append("\x1b[").Append(targetColumn).Append('C');
        }
        _cursorRow = targetRow;
        terminal.Write(sb.ToString());
    }

    /// <summary>Leaves the entry: redraws it with the cursor at its end, then starts a new row for what follows.</summary>
    public void Finish(string text, string? suffix = null)
    {
        Draw(text, text.Length);
        terminal.Write((suffix ?? "") + "\r\n");
        _cursorRow = 0;
    }

    /// <summary>Terminal cells of a piece of one line: one per character (a surrogate pair is one character).</summary>
    private static int Cells(ReadOnlySpan<char> s)
    {
        int n = 0;
        foreach (char c in s)
            if (!char.IsLowSurrogate(c)) n++;
        return n;
    }
}
