namespace Atlas.Jit.Codegen;

/// <summary>
/// A function's patchable entry (docs/jit.md, "Call protocol"): the delegate of its current typed body, null while it is
/// interpreted. Call sites compiled before the callee read <see cref="Body"/> on every call, so a callee compiled later
/// is used at once and an invalidated one is dropped, without recompiling the caller. Public because generated code
/// reads the field.
/// </summary>
internal sealed class PatchableEntry<TDelegate> where TDelegate : Delegate
{
    public volatile TDelegate? Body;
}
