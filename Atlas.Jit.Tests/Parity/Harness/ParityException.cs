namespace Atlas.Jit.Tests.TierParity.Harness;

/// <summary>A parity property's failure: the two tiers' behaviour side by side.</summary>
public sealed class ParityException(string message) : Exception(message);
