using System.Text;

namespace Atlas.Repl.Repl.LineEditing;

/// <summary>
/// The text of the entry being edited and the cursor in it. The text may span several lines ('\n'); movement
/// commands work within the cursor's line, and up/down move between lines.
/// </summary>
internal sealed class EditBuffer
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();
    /// <summary>Offset of the cursor in <see cref="Text"/>, 0…Length.</summary>
    public int Cursor { get; private set; }
    public int Length => _text.Length;
    public bool IsEmpty => _text.Length == 0;

    /// <summary>Replaces the whole text (history recall) and puts the cursor at its end.</summary>
    public void Set(string text)
    {
        _text.Clear().Append(text);
        Cursor = _text.Length;
    }

    public void Insert(string s)
    {
        _text.Insert(Cursor, s);
        Cursor += s.Length;
    }

    public bool Backspace()
    {
        if (Cursor == 0) return false;
        int n = Cursor >= 2 && char.IsLowSurrogate(_text[Cursor - 1]) && char.IsHighSurrogate(_text[Cursor - 2]) ? 2 : 1;
        _text.Remove(Cursor - n, n);
        Cursor -= n;
        return true;
    }

    public bool Delete()
    {
        if (Cursor >= _text.Length) return false;
        int n = Cursor + 1 < _text.Length && char.IsHighSurrogate(_text[Cursor]) && char.IsLowSurrogate(_text[Cursor + 1]) ? 2 : 1;
        _text.Remove(Cursor, n);
        return true;
    }

    public void Left()
    {
        if (Cursor == 0) return;
        Cursor--;
        if (Cursor > 0 && char.IsLowSurrogate(_text[Cursor]) && char.IsHighSurrogate(_text[Cursor - 1])) Cursor--;
    }

    public void Right()
    {
        if (Cursor >= _text.Length) return;
        Cursor++;
        if (Cursor < _text.Length && char.IsLowSurrogate(_text[Cursor]) && char.IsHighSurrogate(_text[Cursor - 1])) Cursor++;
    }

    public void Home() => Cursor = LineStart(Cursor);

    public void End() => Cursor = LineEnd(Cursor);

    public void MoveToEnd() => Cursor = _text.Length;

    /// <summary>Moves to the same column of the previous line; false on the first line.</summary>
    public bool Up()
    {
        int start = LineStart(Cursor);
        if (start == 0) return false;
        int column = Cursor - start;
        int previousStart = LineStart(start - 1);
        Cursor = Math.Min(previousStart + column, start - 1);
        return true;
    }

    /// <summary>Moves to the same column of the next line; false on the last line.</summary>
    public bool Down()
    {
        int end = LineEnd(Cursor);
        if (end >= _text.Length) return false;
        int column = Cursor - LineStart(Cursor);
        Cursor = Math.Min(end + 1 + column, LineEnd(end + 1));
        return true;
    }

    /// <summary>Ctrl+K: deletes from the cursor to the end of its line.</summary>
    public void KillToLineEnd()
    {
        int end = LineEnd(Cursor);
        _text.Remove(Cursor, end - Cursor);
    }

    /// <summary>Ctrl+U: deletes from the start of the cursor's line to the cursor.</summary>
    public void KillToLineStart()
    {
        int start = LineStart(Cursor);
        _text.Remove(start, Cursor - start);
        Cursor = start;
    }

    /// <summary>Ctrl+W: deletes the word (and the blanks after it) before the cursor, within the line.</summary>
    public void KillWordBefore()
    {
        int end = Cursor;
        WordLeft();
        _text.Remove(Cursor, end - Cursor);
    }

    public void WordLeft()
    {
        int start = LineStart(Cursor);
        while (Cursor > start && !IsWordChar(_text[Cursor - 1])) Cursor--;
        while (Cursor > start && IsWordChar(_text[Cursor - 1])) Cursor--;
    }

    public void WordRight()
    {
        int end = LineEnd(Cursor);
        while (Cursor < end && !IsWordChar(_text[Cursor])) Cursor++;
        while (Cursor < end && IsWordChar(_text[Cursor])) Cursor++;
    }

    /// <summary>0-based line of the cursor and its column in UTF-16 units.</summary>
    public (int Line, int Column) CursorPosition()
    {
        int line = 0;
        for (int i = 0; i < Cursor; i++)
            if (_text[i] == '\n') line++;
        return (line, Cursor - LineStart(Cursor));
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private int LineStart(int offset)
    {
        int i = offset;
        while (i > 0 && _text[i - 1] != '\n') i--;
        return i;
    }

    private int LineEnd(int offset)
    {
        int i = offset;
        while (i < _text.Length && _text[i] != '\n') i++;
        return i;
    }
}
