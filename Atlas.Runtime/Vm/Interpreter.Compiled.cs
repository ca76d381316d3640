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
internal sealed partial class Interpreter
{
    private readonly List<(FunctionProto Proto, int Pc)> _pendingFrames = new();

    /// <summary>
    /// Called by a compiled frame's fault handler as an error unwinds it; <paramref name="pc"/> is the offset it was executing.
    /// </summary>
    public void RecordUnwoundFrame(FunctionProto proto, int pc) => _pendingFrames.Add((proto, pc));

    /// <summary>
    /// Removes the outermost compiled frame recorded so far and returns its offset (an on-stack-replacement continuation).
    /// </summary>
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
    /// (AT0008), the time/cancellation budget and, at every depth where <c>Depth &amp; headroomMask</c> is 0, the .NET stack
    /// headroom. Compiled frames live on the .NET stack; the caller picks the mask from the callee's frame size so that
    /// the frames between two checks stay far inside the 64 KiB the runtime guarantees after a successful check
    /// (<see cref="HeadroomMask"/>). Pair with <see cref="LeaveCall"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnterCall(int headroomMask)
    {
        if (++Depth > MaxDepth) ThrowCallDepthExceeded();
        // Calls count the budget in every mode (checked: one polling branch more per call cost fib more than the count).
        if (--_budget <= 0) RefillBudget();
        if ((Depth & headroomMask) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()) ThrowCallDepthExceeded();
    }

    /// <summary>
    /// The limits check of compiled code at a loop back-edge or call (docs/jit.md, "Errors, call stacks and recursion").
    /// When the run counts fuel or memory (<see cref="TickMode.Counting"/>), every event is counted as the interpreter
    /// counts it, so both tiers stop at the same instruction. Otherwise only a timeout or a cancellation can stop the run,
    /// and they raise <see cref="TickMode.Pending"/> themselves (a timer at the deadline, a callback on the token): the
    /// check is then one load and a branch, with no store — a counter in memory decremented at every back-edge is a
    /// dependency from one iteration to the next.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void TickCompiled()
    {
        var mode = _tickMode;
        if (mode == TickMode.Quiet) return;
        if (mode == TickMode.Counting)
        {
            if (--_budget <= 0) RefillBudget();
        }
        else Poll();
    }

    /// <summary>What compiled code's <see cref="TickCompiled"/> does.</summary>
    internal enum TickMode : byte
    {
        /// <summary>No check is due: only a timeout or a cancellation can stop the run, and neither has signalled.</summary>
        Quiet,
        /// <summary>The deadline timer fired or the token was cancelled: check the limits now.</summary>
        Pending,
        /// <summary>Fuel or memory is limited: count every event, as the interpreter does.</summary>
        Counting,
    }

    // Volatile: a loop with no other memory traffic must read it again at every back-edge, not once before the loop.
    private volatile TickMode _tickMode;
    private Timer? _deadlineTimer;
    private CancellationTokenRegistration _cancellationSignal;

    /// <summary>Starts the run's limits (<see cref="ExecutionLimits.Start"/>) and how compiled code checks them.</summary>
    internal void StartLimits()
    {
        Limits.Start();
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        _cancellationSignal.Dispose();
        if (Limits.Fuel != null || Limits.MaxMemoryBytes != null)
        {
            _tickMode = TickMode.Counting;
            return;
        }
        _tickMode = TickMode.Quiet;
        if (Limits.Cancellation.CanBeCanceled)
            _cancellationSignal = Limits.Cancellation.UnsafeRegister(static vm => ((Interpreter)vm!).SignalLimits(), this);
        if (Limits.Timeout is { } timeout)
            _deadlineTimer = new Timer(static vm => ((Interpreter)vm!).SignalLimits(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>From another thread: a limit may have been reached; compiled code checks at its next back-edge or call.</summary>
    private void SignalLimits()
    {
        if (_tickMode == TickMode.Quiet) _tickMode = TickMode.Pending;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Poll()
    {
        _tickMode = TickMode.Quiet;
        Limits.Check();
        // The timer fired a little before the deadline as the stopwatch sees it: watch the rest (at least a millisecond:
        // the deadline may pass between the check and here, and a timer takes no negative time).
        if (Limits.TimeLeft is { } left)
            _deadlineTimer?.Change(TimeSpan.FromMilliseconds(Math.Max(1, left.TotalMilliseconds + 1)), Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// The headroom mask for calls of a compiled function with <paramref name="slots"/> locals and operand-stack slots:
    /// every 32 levels for small frames (≤ 48 slots, well under 1 KiB of machine frame each), every 8 up to 192 slots,
    /// otherwise at every level.
    /// </summary>
    public static int HeadroomMask(int slots) => slots <= 48 ? 31 : slots <= 192 ? 7 : 0;

    /// <summary>Ends a call started with <see cref="EnterCall"/> (errors do not pass here: the catcher resets the depth).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void LeaveCall() => Depth--;

    // Not inlined: compiled code inlines Tick and EnterCall at every back-edge and call, and the .NET JIT's time for a
    // generated method grows with everything inlined into it.
    [MethodImpl(MethodImplOptions.NoInlining)]
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

    /// <summary>
    /// Continues a compiled call in the interpreter from offset <paramref name="pc"/> (deoptimization: a value did not
    /// have the kind the compiled code speculated on). <paramref name="frame"/> holds every local, then the operand stack
    /// (<paramref name="stackDepth"/> values, bottom first); <paramref name="upvalues"/> are the call's captures as the
    /// compiled code left them. Like <see cref="RunInterpreted"/>, the call stays counted in <see cref="Depth"/>.
    /// </summary>
    public Value ResumeInterpreted(FunctionValue fn, Value[] upvalues, Value[] frame, int stackDepth, int pc)
    {
        var proto = fn.Proto;
        if (FrameCount == Frames.Length) Array.Resize(ref Frames, Frames.Length * 2);
        EnsureStack(1 + frame.Length + proto.MaxStack + 1);
        int calleeIndex = Sp;
        Stack[Sp++] = Value.Function(fn);
        int argBase = Sp;
        Array.Copy(frame, 0, Stack, Sp, frame.Length);
        Sp += frame.Length;
        ref var f = ref Frames[FrameCount++];
        f.Proto = proto;
        f.Upvalues = upvalues;
        f.Base = argBase;
        f.Pc = pc;
        f.NoOsr = true;
        var result = Execute(FrameCount - 1);
        Depth++;
        return result;
    }

    /// <summary>
    /// Gives a call that a loop entry took over back to its interpreted frame (deoptimization inside an on-stack-replacement
    /// continuation): <paramref name="frame"/> (every local, then <paramref name="stackDepth"/> operand-stack values) is
    /// written back into the frame at <paramref name="frameBase"/>, and the dispatch loop resumes it at <paramref name="pc"/>
    /// when the loop entry returns <see cref="CompiledFrames.LoopEntryDeclined"/>.
    /// </summary>
    public void ReturnToInterpreter(int frameBase, Value[] frame, int stackDepth, int pc)
    {
        Array.Copy(frame, 0, Stack, frameBase, frame.Length);
        _resumePc = pc;
        _resumeDepth = stackDepth;
    }

    private int _resumePc = -1;
    private int _resumeDepth;

    /// <summary>
    /// A value returned out of band by compiled code whose typed body returns an unboxed number or bool but whose call
    /// ended (after deoptimizing) with a value of another kind; its caller takes it with <see cref="TakePendingReturn"/>.
    /// </summary>
    public bool HasPendingReturn;
    private Value _pendingReturn;

    public void SetPendingReturn(Value v)
    {
        _pendingReturn = v;
        HasPendingReturn = true;
    }

    public Value TakePendingReturn()
    {
        HasPendingReturn = false;
        var v = _pendingReturn;
        _pendingReturn = default;
        return v;
    }

    /// <summary>
    /// Reads global <paramref name="slot"/> (GetGlobal): AT0002 before its declaration ran; marks a copy-on-write payload shared.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Value GetGlobal(int slot)
    {
        var v = Globals[slot];
        if (v.Kind == ValueKind.Undefined) ThrowUndefinedGlobal(slot);
        return v.Share();
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
