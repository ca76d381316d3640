namespace Atlas.Repl.Repl;

/// <summary>How an entry ended.</summary>
internal enum EntryOutcome
{
    /// <summary>It ran to the end (its value, if any, was echoed).</summary>
    Completed,
    /// <summary>A syntax or type error: nothing of it ran and nothing was defined.</summary>
    CompileError,
    /// <summary>A runtime error: definitions made before it stay.</summary>
    RuntimeError,
    /// <summary>Ctrl+C (AT0010): as a runtime error.</summary>
    Interrupted,
}
