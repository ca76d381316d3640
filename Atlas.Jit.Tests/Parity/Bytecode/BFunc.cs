namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// A generated function. <see cref="Locals"/> lists every slot's type, parameters first; a closure has upvalues and is
/// created by <c>MakeClosure</c> at its call sites instead of living in a global. A recursive function's first
/// parameter is a depth that every self-call decreases and guards, so recursion ends by construction.
/// </summary>
public sealed record BFunc(string Name, int Arity, BType[] Locals, BType Return, BStmt[] Body, BExpr Result,
    BType[] Upvalues, bool Recursive)
{
    public bool IsClosure => Upvalues.Length > 0;

    /// <summary>Linear recursion on p0 (<c>p0 &gt; 0 ? self(p0 - 1) + 1 : 0</c>) that callers may ask to go past the call-depth limit.</summary>
    public bool Deep { get; init; }
}
