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

/// <summary>The classified result of one input; <see cref="Detail"/> is a diagnostic/runtime code or the bug description.</summary>
public sealed record FuzzResult(FuzzOutcome Outcome, string Detail)
{
    public bool IsBug => Outcome == FuzzOutcome.Bug;

    /// <summary>A short key that identifies "the same bug" for deduplication: the first line of the detail.</summary>
    public string Signature => Detail.Split('\n', 2)[0];

    public override string ToString() => $"{Outcome}: {Detail}";
}
