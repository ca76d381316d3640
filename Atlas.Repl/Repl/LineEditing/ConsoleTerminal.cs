namespace Atlas.Repl.Repl.LineEditing;

/// <summary>The process's console: keys from <see cref="Console.ReadKey(bool)"/>, output through the CLI's stdout writer.</summary>
internal sealed class ConsoleTerminal(TextWriter output) : ITerminal
{
    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);

    public void Write(string text)
    {
        output.Write(text);
        output.Flush();
    }

    public int Width
    {
        get
        {
            try { return Console.WindowWidth > 0 ? Console.WindowWidth : 80; }
            catch (IOException) { return 80; }
        }
    }

    public void BeginEdit() => Console.TreatControlCAsInput = true;

    public void EndEdit() => Console.TreatControlCAsInput = false;
}
