namespace Atlas.Repl.Repl.LineEditing;

/// <summary>
/// Interactive entry input (repl.md "Input" and "Interaction"): emacs-style line editing, history recall with the
/// arrow keys (a multi-line entry comes back as one unit), Enter submitting only a complete entry, Ctrl+C
/// discarding the entry being typed, Ctrl+D on an empty entry ending input.
/// </summary>
internal sealed class LineEditor(ITerminal terminal, History history, Func<string, bool> isComplete) : IEntryReader
{
    private readonly EntryRenderer _renderer = new(terminal);

    public string? ReadEntry()
    {
        var buffer = new EditBuffer();
        // Index into the history while browsing it; Count means "the entry being typed", kept in draft.
        int browsing = history.Entries.Count;
        string draft = "";
        terminal.BeginEdit();
        try
        {
            _renderer.Begin();
            _renderer.Draw("", 0);
            while (true)
            {
                var key = terminal.ReadKey();
                bool control = (key.Modifiers & ConsoleModifiers.Control) != 0;
                bool alt = (key.Modifiers & ConsoleModifiers.Alt) != 0;
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                    {
                        string text = buffer.Text;
                        if (string.IsNullOrWhiteSpace(text) || isComplete(text))
                        {
                            _renderer.Finish(text);
                            history.Add(text);
                            return text;
                        }
                        buffer.Insert("\n");
                        break;
                    }
                    case ConsoleKey.C when control:
                        _renderer.Finish(buffer.Text, "^C");
                        return "";
                    case ConsoleKey.D when control:
                        if (buffer.IsEmpty)
                        {
                            _renderer.Finish("");
                            return null;
                        }
                        buffer.Delete();
                        break;
                    case ConsoleKey.Backspace:
                    case ConsoleKey.H when control: buffer.Backspace(); break;
                    case ConsoleKey.Delete: buffer.Delete(); break;
                    case ConsoleKey.LeftArrow when control || alt:
                    case ConsoleKey.B when alt: buffer.WordLeft(); break;
                    case ConsoleKey.RightArrow when control || alt:
                    case ConsoleKey.F when alt: buffer.WordRight(); break;
                    case ConsoleKey.LeftArrow:
                    case ConsoleKey.B when control: buffer.Left(); break;
                    case ConsoleKey.RightArrow:
                    case ConsoleKey.F when control: buffer.Right(); break;
                    case ConsoleKey.Home:
                    case ConsoleKey.A when control: buffer.Home(); break;
                    case ConsoleKey.End:
                    case ConsoleKey.E when control: buffer.End(); break;
                    case ConsoleKey.K when control: buffer.KillToLineEnd(); break;
                    case ConsoleKey.U when control: buffer.KillToLineStart(); break;
                    case ConsoleKey.W when control: buffer.KillWordBefore(); break;
                    case ConsoleKey.L when control:
                        terminal.Write("\x1b[H\x1b[2J");
                        _renderer.Begin();
                        break;
                    case ConsoleKey.UpArrow:
                    case ConsoleKey.P when control:
                        if (!buffer.Up() && browsing > 0)
                        {
                            if (browsing == history.Entries.Count) draft = buffer.Text;
                            buffer.Set(history.Entries[--browsing]);
                        }
                        break;
                    case ConsoleKey.DownArrow:
                    case ConsoleKey.N when control:
                        if (!buffer.Down() && browsing < history.Entries.Count)
                        {
                            browsing++;
                            buffer.Set(browsing == history.Entries.Count ? draft : history.Entries[browsing]);
                        }
                        break;
                    case ConsoleKey.Tab: buffer.Insert("    "); break;
                    default:
                        if (key.KeyChar >= ' ' && key.KeyChar != '\x7f' && !control) buffer.Insert(key.KeyChar.ToString());
                        break;
                }
                _renderer.Draw(buffer.Text, buffer.Cursor);
            }
        }
        finally
        {
            terminal.EndEdit();
        }
    }
}
