using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>
/// The tiering hook's answer at a hot loop back-edge (<see cref="ITieringHook.OnHotLoop"/>; docs/jit.md, "Tiering"): an
/// entry to continue the running call in, "later" (an entry is being compiled: the frame asks again at a later back-edge)
/// or "never" (this call stops asking). The answer is the hook's own decision: the VM does not infer "later" from
/// <see cref="Atlas.Bytecode.FunctionProto.Tier"/> after the call, which a compile finishing in between would change.
/// </summary>
internal readonly record struct HotLoopAnswer(CompiledCode? Entry, bool AskAgain)
{
    /// <summary>No entry for this call: the VM stops asking for the rest of the call.</summary>
    public static HotLoopAnswer Never => default;

    /// <summary>No entry yet (one is queued or compiling): the VM asks again at a later back-edge.</summary>
    public static HotLoopAnswer Later => new(null, true);

    /// <summary>Continue the call in <paramref name="entry"/>.</summary>
    public static HotLoopAnswer Enter(CompiledCode entry) => new(entry, false);
}
