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
    // Per thread, not per VM: a fault handler then needs nothing but its offset (see RecordUnwoundFrame). The frames an
    // error unwinds are on the thread that runs it, and the first catcher on that thread takes them.
    [ThreadStatic] private static List<(FunctionProto Proto, int Pc)>? t_pendingFrames;
    private static List<(FunctionProto Proto, int Pc)> PendingFrames => t_pendingFrames ??= new();

    /// <summary>
    /// Called by a compiled frame's fault handler as an error unwinds it; <paramref name="pc"/> is the offset it was executing.
    /// Static: a handler that reads the VM keeps it live into the handler, and the .NET JIT then holds it in memory.
    /// </summary>
    public static void RecordUnwoundFrame(FunctionProto proto, int pc) => PendingFrames.Add((proto, pc));

    /// <summary>
    /// Removes the outermost compiled frame recorded so far and returns its offset (an on-stack-replacement continuation).
    /// </summary>
    private int TakePendingFramePc(int fallback)
    {
        if (PendingFrames.Count == 0) return fallback;
        var (_, pc) = PendingFrames[^1];
        PendingFrames.RemoveAt(PendingFrames.Count - 1);
        return pc;
    }

    /// <summary>
    /// Adds the compiled frames recorded so far, then the interpreted frames from the top down to <paramref name="mark"/>,
    /// to the error (innermost first; the first one gives the error its span) and pops those interpreted frames.
    /// </summary>
    internal void UnwindFrames(AtlasRuntimeException ex, int mark)
    {
        foreach (var (proto, pc) in PendingFrames)
        {
            var span = proto.Lines.SpanAt(pc);
            ex.Span ??= span;
            ex.AtlasStack.Add(new StackFrameInfo(proto.Name, span, proto));
        }
        PendingFrames.Clear();
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
    /// The checks of an Atlas call made directly by compiled code (docs/jit.md, "Call protocol"; the VM's own calls do
    /// the same inline) from a frame at depth <paramref name="depth"/>: call depth (AT0008), the limits
    /// (<see cref="TickCompiled"/>) and, at every callee depth where <c>depth &amp; headroomMask</c> is 0, the .NET stack
    /// headroom. Compiled frames live on the .NET stack; the caller picks the mask from the callee's frame size so that
    /// the frames between two checks stay far inside the 64 KiB the runtime guarantees after a successful check
    /// (<see cref="HeadroomMask"/>).
    /// <para>Inline it is one compare with <see cref="CallLimit"/> and one mask test; the rest is out of line, in a call
    /// the .NET JIT treats as rare. Compiled code keeps its depth in a parameter, not in <see cref="Depth"/>: the callee
    /// stores its depth into <see cref="Depth"/> on entry and the caller stores its own back after the call
    /// (<see cref="RunningAt"/>), so <see cref="Depth"/> is right wherever compiled code runs, and no call reads it — a
    /// counter incremented and decremented in memory around every call is a dependency from each call to the next.</para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckCompiledCall(int depth, int headroomMask)
    {
        if (depth >= CallLimit || ((depth + 1) & headroomMask) == 0) CompiledCallDue(depth, headroomMask);
    }

    /// <summary>
    /// <see cref="MaxDepth"/> while no limit needs a check; <see cref="int.MinValue"/> while one does (the limits timer or
    /// a cancellation signalled, or fuel counted at every call), so that every compiled call takes
    /// <see cref="CompiledCallDue"/>.
    /// </summary>
    public int CallLimit = DefaultMaxDepth;

    /// <summary>
    /// The checks of a direct compiled call to a function with a small frame (<see cref="HeadroomMask"/> 31) where the
    /// thread's stack is known to hold every level up to <see cref="StackRoomDepth"/>: one compare, no headroom test
    /// (docs/jit.md, "Call protocol", "Stack headroom"). Beyond that depth, or with no room promised (the default), every
    /// such call takes <see cref="CompiledCallDue"/>, which tests the headroom as <see cref="CheckCompiledCall"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckSmallFrameCall(int depth)
    {
        if (depth >= SmallFrameCallLimit) CompiledCallDue(depth, SmallFrameMask);
    }

    /// <summary>The headroom mask of a small frame (at most 48 slots, see <see cref="HeadroomMask"/>).</summary>
    public const int SmallFrameMask = 31;

    /// <summary>
    /// <see cref="CallLimit"/> for <see cref="CheckSmallFrameCall"/>: lowered to <see cref="StackRoomDepth"/>, and like it
    /// <see cref="int.MinValue"/> while a limit needs a check.
    /// </summary>
    public int SmallFrameCallLimit;

    /// <summary>
    /// The call depth up to which the thread that runs this VM has stack for compiled frames of small functions, set by a
    /// host that runs programs on a thread of known size (<see cref="StackRoomFor"/>); 0, the default, promises nothing.
    /// </summary>
    public int StackRoomDepth
    {
        get => _stackRoomDepth;
        set
        {
            _stackRoomDepth = Math.Max(0, value);
            ArmCallLimit();
        }
    }
    private int _stackRoomDepth;

    /// <summary>Stack a thread keeps beyond the compiled frames: the runtime, builtins, the interpreter's own frames.</summary>
    private const long ReservedStackBytes = 64L * 1024 * 1024;

    /// <summary>
    /// A generous bound on the machine frame of a small-frame function per call level (the headroom test assumes 32 of them
    /// fit in the 64 KiB the runtime guarantees, 2 KiB each).
    /// </summary>
    private const long SmallFrameBytes = 4096;

    /// <summary>
    /// <see cref="StackRoomDepth"/> for a thread with a stack of <paramref name="stackBytes"/> that starts running the VM
    /// near its base (a script thread: 245,760 levels of its 1 GiB).
    /// </summary>
    public static int StackRoomFor(long stackBytes) =>
        (int)Math.Clamp((stackBytes - ReservedStackBytes) / SmallFrameBytes, 0, int.MaxValue);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CompiledCallDue(int depth, int headroomMask)
    {
        if (depth >= MaxDepth) ThrowCompiledCallDepthExceeded(depth);
        // Re-armed before the mode is read: a signal that lands after the read lowers the limit again.
        ArmCallLimit();
        TickCompiled();
        if (((depth + 1) & headroomMask) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            ThrowCompiledCallDepthExceeded(depth);
    }

    /// <summary>
    /// Compiled code of a frame at depth <paramref name="depth"/> runs from here: on entry to a typed body, and after each
    /// of its calls returns (see <see cref="CheckCompiledCall"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RunningAt(int depth) => Depth = depth;

    /// <summary><see cref="CallLimit"/> for the current mode: only counting fuel sends every compiled call the slow way.</summary>
    private void ArmCallLimit()
    {
        CallLimit = _tickMode == TickMode.Counting ? int.MinValue : MaxDepth;
        SmallFrameCallLimit = Math.Min(CallLimit, _stackRoomDepth);
    }

    /// <summary>AT0008 for a compiled call from depth <paramref name="depth"/>: the VM's own, as if the call had counted itself.</summary>
    private void ThrowCompiledCallDepthExceeded(int depth)
    {
        Depth = depth + 1;
        ThrowCallDepthExceeded();
    }

    /// <summary>
    /// The checks of an Atlas call the VM makes on compiled code's behalf (<see cref="Invoke"/>): call depth, the budget
    /// and the headroom, incrementing <see cref="Depth"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnterCall(int headroomMask)
    {
        if (++Depth > MaxDepth) ThrowCallDepthExceeded();
        if (--_budget <= 0) RefillBudget();
        if ((Depth & headroomMask) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()) ThrowCallDepthExceeded();
    }

    /// <summary>
    /// The limits check of compiled code at a loop back-edge or call (docs/jit.md, "Errors, call stacks and recursion").
    /// When the run counts fuel (<see cref="TickMode.Counting"/>), every event is counted as the interpreter counts it,
    /// so both tiers stop at the same instruction. Otherwise only a timeout, a cancellation or a memory limit can stop the
    /// run, and they raise <see cref="TickMode.Pending"/> themselves (a timer at the deadline or the next heap measurement,
    /// a callback on the token): the check is then one load and a branch, with no store — a counter in memory decremented
    /// at every back-edge is a dependency from one iteration to the next.
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

    /// <summary>
    /// Where compiled code keeps the <c>double</c> locals of a loop while its back-edge runs <see cref="TickCompiled"/>
    /// (docs/jit.md, "Errors, call stacks and recursion"): the .NET JIT would otherwise keep every value live across that
    /// rare call in memory on the loop's every path (no SSE register survives a call on x64 Unix). Only used around that
    /// call, which runs no Atlas code, so one area per VM suffices.
    /// </summary>
    public readonly double[] SpilledDoubles = new double[SpillCapacity];

    /// <summary>
    /// <see cref="SpilledDoubles"/> for the whole-number locals of a loop that has no double ones (sieve's counters), for
    /// want of callee-saved registers rather than of SSE ones.
    /// </summary>
    public readonly long[] SpilledLongs = new long[SpillCapacity];

    /// <summary>How many locals a back-edge moves to <see cref="SpilledDoubles"/>.</summary>
    public const int SpillCapacity = 32;

    /// <summary>
    /// Whether <see cref="TickCompiled"/> has work to do: compiled back-edges test this inline and run
    /// <see cref="TickCompiled"/> only then, so the offset an error there reports is stored only on that path.
    /// </summary>
    public bool TickPending
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _tickMode != TickMode.Quiet;
    }

    /// <summary>What compiled code's <see cref="TickCompiled"/> does.</summary>
    internal enum TickMode : byte
    {
        /// <summary>
        /// No check is due: only a timeout, a cancellation or a memory limit can stop the run, and none has signalled.
        /// </summary>
        Quiet,
        /// <summary>The limits timer fired or the token was cancelled: check the limits now.</summary>
        Pending,
        /// <summary>Fuel is limited: count every event, as the interpreter does.</summary>
        Counting,
    }

    // Volatile: a loop with no other memory traffic must read it again at every back-edge, not once before the loop.
    private volatile TickMode _tickMode;
    /// <summary>One-shot, re-armed by <see cref="Poll"/>: fires at the deadline or at the next heap measurement.</summary>
    private Timer? _limitsTimer;
    private CancellationTokenRegistration _cancellationSignal;

    /// <summary>Starts the run's limits (<see cref="ExecutionLimits.Start"/>) and how compiled code checks them.</summary>
    internal void StartLimits()
    {
        Limits.Start();
        _limitsTimer?.Dispose();
        _limitsTimer = null;
        _cancellationSignal.Dispose();
        _tickMode = Limits.Fuel != null ? TickMode.Counting : TickMode.Quiet;
        ArmCallLimit();
        if (_tickMode == TickMode.Counting) return;
        if (Limits.Cancellation.CanBeCanceled)
            _cancellationSignal = Limits.Cancellation.UnsafeRegister(static vm => ((Interpreter)vm!).SignalLimits(), this);
        // Only compiled code waits for the signals; without a tiering hook nothing is compiled (and a timer costs start-up).
        if (_tiering is { Started: true }) ArmLimitsTimer();
    }

    /// <summary>
    /// The tiering hook is about to compile for the first time in this run (<see cref="ITieringHook.Started"/>): arms the
    /// limits timer that compiled code waits for, unless the run counts fuel (compiled calls then check at every call).
    /// </summary>
    internal void TieringStarted()
    {
        if (_limitsTimer == null && _tickMode != TickMode.Counting) ArmLimitsTimer();
    }

    private void ArmLimitsTimer()
    {
        if (NextSignal() is { } due)
            _limitsTimer = new Timer(static vm => ((Interpreter)vm!).SignalLimits(), this, due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>From another thread: a limit may have been reached; compiled code checks at its next back-edge or call.</summary>
    private void SignalLimits()
    {
        if (_tickMode != TickMode.Quiet) return;
        _tickMode = TickMode.Pending;
        CallLimit = int.MinValue;
        SmallFrameCallLimit = int.MinValue;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Poll()
    {
        _tickMode = TickMode.Quiet;
        Limits.Check();
        if (NextSignal() is { } due) _limitsTimer?.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// How often compiled code measures the heap under a memory limit: nothing signals a full heap, so the limits timer
    /// fires at least this often. The heap size is no deterministic point in a program anyway (it depends on collections),
    /// so unlike fuel a memory limit needs no count of events; large allocations are also measured as they happen
    /// (<see cref="ExecutionLimits.NoteAllocation"/>).
    /// </summary>
    private static readonly TimeSpan MemoryCheckInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// When the limits timer should next signal: at the deadline (a millisecond late at least: the timer may fire a little
    /// before the deadline as the stopwatch sees it, and takes no negative time), or sooner for the next heap measurement.
    /// Null: neither a timeout nor a memory limit.
    /// </summary>
    private TimeSpan? NextSignal()
    {
        TimeSpan? due = Limits.TimeLeft is { } left
            ? TimeSpan.FromMilliseconds(Math.Max(1, left.TotalMilliseconds + 1))
            : null;
        if (Limits.MaxMemoryBytes != null && (due == null || due > MemoryCheckInterval)) due = MemoryCheckInterval;
        return due;
    }

    /// <summary>
    /// The headroom mask for calls of a compiled function with <paramref name="slots"/> locals and operand-stack slots:
    /// every 32 levels for small frames (≤ 48 slots, well under 1 KiB of machine frame each), every 8 up to 192 slots,
    /// otherwise at every level.
    /// </summary>
    public static int HeadroomMask(int slots) => slots <= 48 ? SmallFrameMask : slots <= 192 ? 7 : 0;

    // Not inlined: compiled code inlines TickCompiled and CheckCompiledCall at every back-edge and call, and the .NET JIT's
    // time for a generated method grows with everything inlined into it.
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
    /// A loop entry gives the frame back at the back-edge <paramref name="pc"/> of a loop around its own (docs/jit.md,
    /// "Loop entries"): like <see cref="ReturnToInterpreter"/> with an empty operand stack, but the frame keeps asking for
    /// loop entries — the interpreter takes the back-edge and enters the enclosing loop's entry once it exists.
    /// </summary>
    public void YieldToInterpreter(int frameBase, Value[] frame, int pc)
    {
        ReturnToInterpreter(frameBase, frame, 0, pc);
        _yielded = true;
    }

    /// <summary>The last loop entry yielded rather than declined or deoptimized (see <see cref="YieldToInterpreter"/>).</summary>
    private bool _yielded;

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
