namespace Atlas.Tests.Fuzz;

/// <summary>Protective limits for one fuzz run: small enough that a runaway program costs little, large enough for real programs.</summary>
public sealed record FuzzSettings
{
    /// <summary>The VM's time budget (AT0009 when exceeded).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The VM's call-depth limit (AT0008 when exceeded).</summary>
    public int MaxDepth { get; init; } = 10_000;
    /// <summary>Characters of program output kept; the rest is counted and dropped.</summary>
    public int OutputCapacity { get; init; } = 16 * 1024;
    /// <summary>The VM's heap budget (AT0011 when exceeded); generous, it only stops runaway allocation.</summary>
    public long MaxMemoryBytes { get; init; } = 2L * 1024 * 1024 * 1024;
    /// <summary>Also run every program with the JIT (each function compiled on its first call) and compare the two runs.</summary>
    public bool Jit { get; init; }
}
