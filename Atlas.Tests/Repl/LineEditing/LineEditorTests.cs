using Atlas.Repl.Repl;
using Atlas.Repl.Repl.LineEditing;

namespace Atlas.Tests.Repl.LineEditing;

/// <summary>The interactive line editor against a scripted terminal: entries, continuation, editing keys, history.</summary>
[TestClass]
public sealed class LineEditorTests
{
    private static (LineEditor Editor, ScriptedTerminal Terminal, History History) Editor(int width = 40, params string[] history)
    {
        var terminal = new ScriptedTerminal(width);
        var h = new History(null);
        foreach (var entry in history) h.Add(entry);
        return (new LineEditor(terminal, h, EntryCompleteness.IsComplete), terminal, h);
    }

    [TestMethod]
    public void SingleLineEntry()
    {
        var (editor, terminal, history) = Editor();
        terminal.Type("1 + 2\n");
        Assert.AreEqual("1 + 2", editor.ReadEntry());
        CollectionAssert.AreEqual(new[] { ">>> 1 + 2" }, terminal.Screen.Lines.ToArray());
        Assert.AreEqual((1, 0), (terminal.Screen.Row, terminal.Screen.Column), "the cursor is on a fresh row for the output");
        CollectionAssert.AreEqual(new[] { "1 + 2" }, history.Entries.ToArray());
        Assert.IsFalse(terminal.Editing);
    }

    [TestMethod]
    public void OpenBracesContinueTheEntry()
    {
        var (editor, terminal, _) = Editor();
        terminal.Type("fn f() -> number {\n").Type("  return 1;\n").Type("}\n");
        Assert.AreEqual("fn f() -> number {\n  return 1;\n}", editor.ReadEntry());
        CollectionAssert.AreEqual(new[] { ">>> fn f() -> number {", "...   return 1;", "... }" }, terminal.Screen.Lines.ToArray());
    }

    [TestMethod]
    public void EmptyLinesInsideAnEntryKeepWaiting()
    {
        var (editor, terminal, _) = Editor();
        terminal.Type("[1,\n\n2]\n");
        Assert.AreEqual("[1,\n\n2]", editor.ReadEntry());
    }

    [TestMethod]
    public void CtrlCAbandonsTheEntryAndCtrlDEndsInput()
    {
        var (editor, terminal, history) = Editor();
        terminal.Type("let x = {\n1").Control('c');
        Assert.AreEqual("", editor.ReadEntry());
        StringAssert.EndsWith(terminal.Screen.Lines[^1], "^C");
        terminal.Type("ab").Control('d').Control('a').Control('d').Press(ConsoleKey.Enter, '\r');
        Assert.AreEqual("b", editor.ReadEntry(), "Ctrl+D deletes under the cursor when the entry is not empty");
        terminal.Control('d');
        Assert.IsNull(editor.ReadEntry());
        CollectionAssert.AreEqual(new[] { "b" }, history.Entries.ToArray());
    }

    [TestMethod]
    public void CursorMovementAndDeletion()
    {
        var (editor, terminal, _) = Editor();
        terminal.Type("let x = 1")
            .Press(ConsoleKey.Home).Press(ConsoleKey.Delete).Type("v")               // "vet x = 1"
            .Press(ConsoleKey.RightArrow).Press(ConsoleKey.RightArrow).Type("y")     // "vety x = 1"
            .Press(ConsoleKey.End).Press(ConsoleKey.Backspace).Type("42")            // "vety x = 42"
            .Control('a').Press(ConsoleKey.RightArrow, control: true).Control('w')   // " x = 42"
            .Type("var").Press(ConsoleKey.Enter, '\r');
        Assert.AreEqual("var x = 42", editor.ReadEntry());
    }

    [TestMethod]
    public void KillToEndAndToStart()
    {
        var (editor, terminal, _) = Editor();
        terminal.Type("abc def").Press(ConsoleKey.LeftArrow).Press(ConsoleKey.LeftArrow).Control('k')
            .Press(ConsoleKey.LeftArrow).Control('u').Type("x").Press(ConsoleKey.Enter, '\r');
        Assert.AreEqual("xd", editor.ReadEntry());
    }

    [TestMethod]
    public void UpRecallsAMultiLineEntryAsOneUnit()
    {
        var (editor, terminal, _) = Editor(40, "fn f() {\n  print(1);\n}", "f()");
        terminal.Press(ConsoleKey.UpArrow).Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter, '\r');
        Assert.AreEqual("fn f() {\n  print(1);\n}", editor.ReadEntry());
        CollectionAssert.AreEqual(new[] { ">>> fn f() {", "...   print(1);", "... }" }, terminal.Screen.Lines.ToArray());
    }

    [TestMethod]
    public void UpAndDownMoveBetweenLinesBeforeBrowsingHistory()
    {
        var (editor, terminal, _) = Editor(40, "old");
        // The cursor goes up into line 1 of the entry, then further up recalls history; down comes back to the draft.
        terminal.Type("[1,\n2").Press(ConsoleKey.UpArrow).Type("0")
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.DownArrow).Press(ConsoleKey.DownArrow).Press(ConsoleKey.End).Type("]\n");
        Assert.AreEqual("[01,\n2]", editor.ReadEntry());
    }

    [TestMethod]
    public void CommandsAreSubmittedAtOnce()
    {
        var (editor, terminal, _) = Editor();
        terminal.Type(":type [1,\n");
        Assert.AreEqual(":type [1,", editor.ReadEntry());
    }

    [TestMethod]
    public void LongLinesWrapAndTheCursorFollows()
    {
        var (editor, terminal, _) = Editor(10);
        // ">>> " + 6 characters fills the first row exactly (the pending-wrap case), then one more row.
        terminal.Type("abcdef");
        terminal.Press(ConsoleKey.LeftArrow).Press(ConsoleKey.LeftArrow).Type("XY").Type("ghijkl").Press(ConsoleKey.Enter, '\r');
        Assert.AreEqual("abcdXYghijklef", editor.ReadEntry());
        CollectionAssert.AreEqual(new[] { ">>> abcdXY", "ghijklef" }, terminal.Screen.Lines.ToArray());
        Assert.AreEqual((2, 0), (terminal.Screen.Row, terminal.Screen.Column));
    }

    [TestMethod]
    public void ExactlyFullRowsDoNotConfuseRedraws()
    {
        var (editor, terminal, _) = Editor(10);
        terminal.Type("[123456\n").Type("1234567]").Press(ConsoleKey.UpArrow).Press(ConsoleKey.Home).Type("x").Press(ConsoleKey.Enter, '\r');
        Assert.AreEqual("x[123456\n1234567]", editor.ReadEntry());
        CollectionAssert.AreEqual(new[] { ">>> x[1234", "56", "... 123456", "7]" }, terminal.Screen.Lines.ToArray());
    }
}
