namespace Atlas.Bytecode;

/// <summary>
/// Where a prototype stands with the JIT (<see cref="FunctionProto.Tier"/>), read by the VM on every call and loop
/// back-edge that reaches the hotness threshold. Whether compiled code is installed is a separate question
/// (<see cref="FunctionProto.Compiled"/>): a compiled function is <see cref="Interpreted"/> here so that its loops and,
/// after an invalidation, the function itself can be compiled again.
/// </summary>
internal enum TierState
{
    /// <summary>The VM tells the JIT when the function or one of its loops is hot.</summary>
    Interpreted,
    /// <summary>
    /// A compilation of the function or one of its loops is queued or running on the compiler thread: the VM keeps
    /// interpreting and asks only for loop entries already compiled until the JIT sets the state back (after installing
    /// the code, or failing).
    /// </summary>
    Queued,
    /// <summary>The JIT gave up on the function: it is not tried again until it is invalidated.</summary>
    Rejected,
}
