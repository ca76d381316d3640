using Atlas.Diagnostics;

namespace Atlas.Semantics;

/// <summary>Outcome of binding and type checking: errors and warnings in checking order.</summary>
internal sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error (warnings alone do not stop a run).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
