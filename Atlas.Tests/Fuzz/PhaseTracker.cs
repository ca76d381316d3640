namespace Atlas.Tests.Fuzz;

/// <summary>The phase a fuzz worker is in, readable from another thread when it hangs.</summary>
public sealed class PhaseTracker
{
    private volatile string _current = "idle";
    public string Current { get => _current; set => _current = value; }
}
