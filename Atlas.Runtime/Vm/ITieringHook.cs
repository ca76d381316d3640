using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>
/// The VM's hook for a JIT (implemented in Atlas.Jit; Atlas.Runtime never references it). The VM counts calls per
/// prototype; when the count reaches <see cref="Threshold"/> it calls <see cref="OnHot"/>, which may install a
/// delegate in <see cref="FunctionProto.Compiled"/> (used from that call on) or set <see cref="FunctionProto.JitRejected"/>.
/// Loop back-edges count toward the same threshold, so a long loop in a function called once gets hot too: the VM then
/// asks <see cref="OnHotLoop"/> for an on-stack-replacement entry and continues the running call in compiled code.
/// The VM calls the hook only while <see cref="FunctionProto.Tier"/> is <see cref="TierState.Interpreted"/>. A hook that
/// compiles in the background sets it to <see cref="TierState.Queued"/> and returns at once (OnHotLoop answering
/// <see cref="HotLoopAnswer.Later"/>): the VM keeps interpreting, and picks the code up at the next call
/// (<see cref="FunctionProto.Compiled"/>) or, once the state is back to Interpreted, at the next back-edge (OnHotLoop then
/// answers with the finished entry).
/// </summary>
internal interface ITieringHook
{
    int Threshold { get; }
    void OnHot(FunctionProto proto, Interpreter vm);

    /// <summary>
    /// Whether compiled code may run already: only then does the VM arm the limits timer compiled code waits for (its first
    /// <c>Timer</c> costs the CLI's main thread 5–8 ms). A hook that starts later, when something first gets hot, says
    /// false until then and calls <see cref="Interpreter.TieringStarted"/> before it compiles anything.
    /// </summary>
    bool Started => true;

    /// <summary>
    /// An entry that resumes a running interpreted call of <paramref name="proto"/> at the loop header
    /// <paramref name="loopHeader"/> (operand stack empty), "later" or "never" (<see cref="HotLoopAnswer"/>). An entry is
    /// called with the frame's base as <c>argBase</c>, reads every local from the value stack and runs the call to its end,
    /// returning the call's result — or <see cref="CompiledFrames.LoopEntryDeclined"/> without side effects when the locals
    /// do not fit its types (the VM then keeps interpreting this call).
    /// </summary>
    HotLoopAnswer OnHotLoop(FunctionProto proto, int loopHeader, Interpreter vm) => HotLoopAnswer.Never;
}
