namespace Atlas.Jit.Codegen;

/// <summary>
/// The current typed body of one function (null while it is interpreted). Call sites that guessed their callee read
/// <see cref="Target"/> on every call, so a callee compiled later is used at once and an invalidated one is dropped.
/// Public because generated code reads the field.
/// </summary>
internal sealed class TypedEntry<TDelegate> where TDelegate : Delegate
{
    public volatile TDelegate? Target;
}
