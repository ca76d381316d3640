namespace Atlas.Jit;

/// <summary>Which expression compiler turns generated trees into delegates.</summary>
public enum JitBackend
{
    /// <summary>
    /// FastExpressionCompiler first (about 20× cheaper to compile); <c>Expression.Compile()</c> when it declines or fails.
    /// </summary>
    Fast,
    /// <summary><c>Expression.Compile()</c> only.</summary>
    System,
}
