namespace Atlas.Repl.Repl;

/// <summary>Where entries come from: the line editor on a terminal, or plain lines from piped input.</summary>
internal interface IEntryReader
{
    /// <summary>The next whole entry (possibly several lines; empty when the user abandoned one), or null at the end of input.</summary>
    string? ReadEntry();
}
