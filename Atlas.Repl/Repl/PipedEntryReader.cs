using System.Text;

namespace Atlas.Repl.Repl;

/// <summary>
/// Entries from input that is not a terminal: lines are joined until the entry is complete, with no prompt and no
/// editing. An entry still open at the end of input is submitted as it is, so its syntax error is reported.
/// </summary>
internal sealed class PipedEntryReader(TextReader input) : IEntryReader
{
    public string? ReadEntry()
    {
        var entry = new StringBuilder();
        while (input.ReadLine() is { } line)
        {
            if (entry.Length == 0)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                if (EntryCompleteness.IsCommand(line)) return line;
            }
            else entry.Append('\n');
            entry.Append(line);
            if (EntryCompleteness.IsComplete(entry.ToString())) return entry.ToString();
        }
        return entry.Length > 0 ? entry.ToString() : null;
    }
}
