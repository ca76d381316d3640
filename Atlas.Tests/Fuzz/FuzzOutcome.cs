namespace Atlas.Tests.Fuzz;

/// <summary>How one fuzz input ended. Only <see cref="Bug"/> is a failure.</summary>
public enum FuzzOutcome
{
    /// <summary>The program compiled and ran to completion (or stopped at a top-level <c>?</c>).</summary>
    Ok,
    /// <summary>The front end rejected the program with Atlas diagnostics.</summary>
    Diagnostics,
    /// <summary>The program stopped with an Atlas runtime error (including the limits AT0008–AT0011).</summary>
    RuntimeError,
    /// <summary>Anything else: a .NET exception escaping a phase, a broken invariant, or a hang past the hard cap.</summary>
    Bug,
}
