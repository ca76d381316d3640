namespace Atlas.Tests.Fuzz;

/// <summary>Thrown inside a fuzz property for a <see cref="FuzzOutcome.Bug"/>, so FsCheck shrinks the input and reports it.</summary>
public sealed class FuzzBugException(FuzzResult result) : Exception(result.Detail)
{
    public FuzzResult Result { get; } = result;
}
