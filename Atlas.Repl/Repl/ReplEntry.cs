using Atlas.Diagnostics;

namespace Atlas.Repl.Repl;

/// <summary>
/// One piece of source the session compiled: an entry (<c>&lt;repl&gt;:N</c>), a <c>:type</c> expression or a <c>:load</c>ed file.
/// </summary>
internal sealed class ReplEntry(int number, string text, string path)
{
    /// <summary>Position of the entry in the session, counted from 1.</summary>
    public int Number { get; } = number;
    public SourceText Source { get; } = new(text);
    /// <summary>What diagnostics print before <c>:LINE:COL</c>: <c>&lt;repl&gt;:N</c>, or a loaded file's path.</summary>
    public string Path { get; } = path;
}
