namespace Atlas.Repl.Repl.LineEditing;

/// <summary>The terminal as the line editor needs it; tests substitute a scripted one.</summary>
internal interface ITerminal
{
    /// <summary>The next key press, without echo.</summary>
    ConsoleKeyInfo ReadKey();

    /// <summary>Writes text (with ANSI control sequences) and flushes it.</summary>
    void Write(string text);

    /// <summary>Columns per row.</summary>
    int Width { get; }

    /// <summary>Starts editing: from now on Ctrl+C arrives as a key instead of interrupting running code.</summary>
    void BeginEdit();

    /// <summary>Ends editing: Ctrl+C interrupts running code again.</summary>
    void EndEdit();
}
