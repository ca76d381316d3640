using System.Text;
using Atlas.Repl.Repl.LineEditing;

namespace Atlas.Tests.Repl.LineEditing;

/// <summary>A terminal for line-editor tests: keys come from a script, output goes to a <see cref="VirtualScreen"/>.</summary>
internal sealed class ScriptedTerminal(int width = 40) : ITerminal
{
    private readonly Queue<ConsoleKeyInfo> _keys = new();

    public VirtualScreen Screen { get; } = new(width);
    public StringBuilder Raw { get; } = new();
    public int Width => width;
    public bool Editing { get; private set; }

    public ScriptedTerminal Type(string text)
    {
        foreach (char c in text)
        {
            if (c == '\n') Press(ConsoleKey.Enter, '\r');
            else Press(char.IsAsciiLetter(c) ? ConsoleKey.A + (char.ToUpperInvariant(c) - 'A') : (ConsoleKey)0, c);
        }
        return this;
    }

    public ScriptedTerminal Press(ConsoleKey key, char c = '\0', bool control = false, bool alt = false)
    {
        _keys.Enqueue(new ConsoleKeyInfo(c, key, shift: false, alt, control));
        return this;
    }

    public ScriptedTerminal Control(char letter) => Press(ConsoleKey.A + (char.ToUpperInvariant(letter) - 'A'), (char)(char.ToUpperInvariant(letter) - '@'), control: true);

    public ConsoleKeyInfo ReadKey()
    {
        Assert.IsTrue(Editing, "keys are read only while editing");
        if (_keys.Count == 0) Assert.Fail("the line editor wanted more keys than the test scripted");
        return _keys.Dequeue();
    }

    public void Write(string text)
    {
        Raw.Append(text);
        Screen.Write(text);
    }

    public void BeginEdit() => Editing = true;

    public void EndEdit() => Editing = false;
}
