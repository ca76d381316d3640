namespace Atlas.Tests.Fuzz;

/// <summary>The classified result of one input; <see cref="Detail"/> is a diagnostic/runtime code or the bug description.</summary>
public sealed record FuzzResult(FuzzOutcome Outcome, string Detail)
{
    public bool IsBug => Outcome == FuzzOutcome.Bug;

    /// <summary>A short key that identifies "the same bug" for deduplication: the first line of the detail.</summary>
    public string Signature => Detail.Split('\n', 2)[0];

    public override string ToString() => $"{Outcome}: {Detail}";
}
