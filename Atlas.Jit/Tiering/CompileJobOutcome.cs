namespace Atlas.Jit.Tiering;

/// <summary>How a <see cref="CompileJob"/> ended on the compiler thread.</summary>
internal enum CompileJobOutcome
{
    /// <summary>Not finished yet.</summary>
    Pending,
    /// <summary>The code was installed: the VM runs it from the next call or back-edge.</summary>
    Installed,
    /// <summary>The compiler refused or failed; the function (or loop) stays interpreted, with the reason in the statistics.</summary>
    Refused,
    /// <summary>
    /// Built, but a redefinition or invalidation happened since the job was queued: not installed. The function is
    /// interpreted and queued again (against the current definitions) when it is next hot.
    /// </summary>
    Stale,
    /// <summary>An exception escaped the compiler; caught and counted, the function stays interpreted.</summary>
    Crashed,
}
