using System.Runtime.CompilerServices;
using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>
/// The interpreter's side of the contract with compiled code (Atlas.Jit). Compiled frames live on the .NET stack, not in
/// <see cref="Frames"/>; when a runtime error passes through one, its fault handler records where it was
/// (<see cref="RecordUnwoundFrame"/>) and the next catcher — the dispatch loop, <see cref="Run"/> or <see cref="Invoke"/> —
/// adds those frames to the error's Atlas call stack before its own. Nothing is caught and rethrown per compiled frame:
/// a rethrow per frame nests exception dispatch on the stack and overflows it for deep recursions.
/// </summary>
public sealed partial class Interpreter
{
    private readonly List<(FunctionProto Proto, int Pc)> _pendingFrames = new();

    /// <summary>Called by a compiled frame's fault handler as an error unwinds it; <paramref name="pc"/> is the offset it was executing.</summary>
    public void RecordUnwoundFrame(FunctionProto proto, int pc) => _pendingFrames.Add((proto, pc));

    /// <summary>Removes the outermost compiled frame recorded so far and returns its offset (an on-stack-replacement continuation).</summary>
    private int TakePendingFramePc(int fallback)
    {
        if (_pendingFrames.Count == 0) return fallback;
        var (_, pc) = _pendingFrames[^1];
        _pendingFrames.RemoveAt(_pendingFrames.Count - 1);
        return pc;
    }

    /// <summary>
    /// Adds the compiled frames recorded so far, then the interpreted frames from the top down to <paramref name="mark"/>,
    /// to the error (innermost first; the first one gives the error its span) and pops those interpreted frames.
    /// </summary>
    internal void UnwindFrames(AtlasRuntimeException ex, int mark)
    {
        foreach (var (proto, pc) in _pendingFrames)
        {
            var span = proto.Lines.SpanAt(pc);
            ex.Span ??= span;
            ex.AtlasStack.Add(new StackFrameInfo(proto.Name, span, proto));
        }
        _pendingFrames.Clear();
        for (int i = FrameCount - 1; i >= mark; i--)
        {
            ref var f = ref Frames[i];
            var span = f.Proto.Lines.SpanAt(f.Pc);
            ex.Span ??= span;
            ex.AtlasStack.Add(new StackFrameInfo(f.Proto.Name, span, f.Proto));
        }
        if (FrameCount > mark) FrameCount = mark;
    }

    /// <summary>
    /// The checks of an Atlas call made directly by compiled code (the VM's own calls do the same inline): call depth
    /// (AT0008), the time/cancellation budget and, every few levels, the .NET stack headroom. Pair with <see cref="LeaveCall"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnterCall()
    {
        if (++Depth > MaxDepth) ThrowCallDepthExceeded();
        if (--_budget <= 0) RefillBudget();
        // Compiled frames are small and bounded; checking every 8 levels keeps the check off the hot path while
        // staying far inside the runtime's guaranteed headroom.
        if ((Depth & 7) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()) ThrowCallDepthExceeded();
    }

    /// <summary>Ends a call started with <see cref="EnterCall"/> (errors do not pass here: the catcher resets the depth).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void LeaveCall() => Depth--;

    private void RefillBudget()
    {
        _budget = BudgetInterval;
        Limits.Check();
    }

    /// <summary>
    /// Runs a call interpreted from inside a compiled entry point (whose caller already counted the call in
    /// <see cref="Depth"/> and will uncount it): used when the arguments do not fit the compiled code's types.
    /// </summary>
    public Value RunInterpreted(FunctionValue fn, int argBase)
    {
        PushFrame(fn, argBase);
        var result = Execute(FrameCount - 1);
        // Execute's Return uncounted the call; the compiled entry's caller does that again.
        Depth++;
        return result;
    }

    /// <summary>Reads global <paramref name="slot"/> (GetGlobal): AT0002 before its declaration ran; marks a copy-on-write payload shared.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value GetGlobal(int slot)
    {
        var v = Globals[slot];
        if (v.Kind == ValueKind.Undefined) ThrowUndefinedGlobal(slot);
        if (v.Kind >= ValueKind.Array) v.Share();
        return v;
    }

    /// <summary>Reads global <paramref name="slot"/> without marking it shared (BorrowGlobal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value BorrowGlobal(int slot)
    {
        var v = Globals[slot];
        if (v.Kind == ValueKind.Undefined) ThrowUndefinedGlobal(slot);
        return v;
    }

    private void ThrowUndefinedGlobal(int slot) => throw new AtlasRuntimeException(RuntimeErrorKind.UndefinedVariable, GlobalName(slot));

    /// <summary>The argument at <paramref name="index"/> of the value stack (compiled entry points read their arguments here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value StackAt(int index) => Stack[index];
}
