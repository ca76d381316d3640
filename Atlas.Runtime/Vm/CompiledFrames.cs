namespace Atlas.Vm;

/// <summary>
/// The named values of the protocol between the interpreter and compiled frames (docs/jit.md, "Call protocol"): what a
/// loop entry returns when the interpreter keeps the call, and the offset a deoptimized frame reports.
/// </summary>
internal static class CompiledFrames
{
    /// <summary>
    /// What an on-stack-replacement entry returns when it declines the frame (a local does not fit its types) or hands the
    /// call back after deoptimizing (<see cref="Interpreter.ReturnToInterpreter"/>): the interpreter keeps running it.
    /// No Atlas value has this kind.
    /// </summary>
    public static readonly Value LoopEntryDeclined = Value.Undefined;

    /// <summary>True for <see cref="LoopEntryDeclined"/>.</summary>
    public static bool IsLoopEntryDeclined(Value result) => result.Kind == ValueKind.Undefined;

    /// <summary>
    /// The offset a compiled frame holds once it has deoptimized: the interpreter that continues the call reports the
    /// frame in an error's call stack, so the frame's fault handler records nothing.
    /// </summary>
    public const int DeoptimizedPc = -1;
}
