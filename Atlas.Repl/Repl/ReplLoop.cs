namespace Atlas.Repl.Repl;

/// <summary>
/// Reads entries until the input ends or <c>:quit</c>, sending commands to <see cref="ReplCommands"/> and code to the session.
/// </summary>
internal sealed class ReplLoop(ReplSession session, ReplCommands commands, IEntryReader reader)
{
    public void Run()
    {
        while (reader.ReadEntry() is { } entry)
        {
            if (string.IsNullOrWhiteSpace(entry)) continue;
            if (EntryCompleteness.IsCommand(entry))
            {
                if (!commands.Execute(entry)) return;
                continue;
            }
            session.Submit(entry);
        }
    }
}
