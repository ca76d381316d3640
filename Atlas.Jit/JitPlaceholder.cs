namespace Atlas.Jit;

/// <summary>Placeholder until the JIT lands.</summary>
internal static class JitPlaceholder { }
