using System.Runtime.CompilerServices;
using Atlas.Bytecode;
using Atlas.Stdlib;

namespace Atlas.Vm;

/// <summary>
/// The bytecode interpreter: one value stack shared by all frames, an explicit frame stack (Atlas calls do not
/// recurse on the .NET stack), globals in slots, and the tiering hook. Not thread-safe: one program at a time.
/// </summary>
internal sealed partial class Interpreter
{
    /// <summary>Default call-depth limit (README decision 12).</summary>
    public const int DefaultMaxDepth = 200_000;

    /// <summary>Where print writes: the console unless set.</summary>
    /// <remarks>
    /// Read from the console only when first needed: <c>Console.Out</c> set up by an initialiser cost every VM about 10 ms
    /// of a process's start-up, even where the host (the CLI, a test) sets its own writer right after.
    /// </remarks>
    public TextWriter Out
    {
        get => _out ??= Console.Out;
        set => _out = value;
    }

    private TextWriter? _out;
    /// <summary>The JIT, if any.</summary>
    public ITieringHook? Tiering
    {
        get => _tiering;
        set
        {
            _tiering = value;
            _hotThreshold = value?.Threshold ?? int.MaxValue;
        }
    }
    private ITieringHook? _tiering;
    /// <summary>The hook's threshold, read once: calls and loop back-edges compare against it.</summary>
    private int _hotThreshold = int.MaxValue;
    /// <summary>Maximum number of active Atlas calls before AT0008.</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set
        {
            _maxDepth = value;
            ArmCallLimit();
        }
    }
    private int _maxDepth = DefaultMaxDepth;
    /// <summary>Time, cancellation and memory budgets checked at calls and loop back-edges.</summary>
    public ExecutionLimits Limits { get; set; } = ExecutionLimits.None;

    internal Value[] Stack = new Value[1024];
    internal int Sp;
    internal CallFrame[] Frames = new CallFrame[64];
    internal int FrameCount;
    /// <summary>Active Atlas calls (interpreted and compiled).</summary>
    public int Depth;
    private int _budget = BudgetInterval;
    /// <summary>Back-edges and calls between two checks of <see cref="Limits"/>.</summary>
    public const int BudgetInterval = 1 << 14;

    /// <summary>Global slots; grown as programs define more.</summary>
    public Value[] Globals = new Value[16];

    /// <summary>
    /// Stores global <paramref name="slot"/> (both tiers). <c>g[i] = x</c> on a global array writes the same array back
    /// after an in-place element write: skipping that store skips the GC write barrier of its object reference, which
    /// costs more than the element write itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreGlobal(int slot, Value v)
    {
        ref var g = ref Globals[slot];
        bool same = ReferenceEquals(g.Obj, v.Obj) && g.Kind == v.Kind
            && BitConverter.DoubleToInt64Bits(g.Num) == BitConverter.DoubleToInt64Bits(v.Num);
        if (same) return;
        if (g.Kind == ValueKind.Function) NewFunctionEpoch();
        g = v;
    }

    private static int s_functionEpochs;

    /// <summary>
    /// Changes whenever a global that held a function is overwritten, and is unique across interpreters: compiled code
    /// that found this value when it was compiled knows that every global then holding a function still holds it, so its
    /// direct calls skip re-reading the callee's global (docs/jit.md, "Call protocol").
    /// </summary>
    public int FunctionEpoch = Interlocked.Increment(ref s_functionEpochs);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NewFunctionEpoch() => FunctionEpoch = Interlocked.Increment(ref s_functionEpochs);
    /// <summary>Names of global slots, for "Unknown symbol" errors.</summary>
    public GlobalTable? GlobalNames { get; private set; }

    /// <summary>Runs a compiled program's top-level code and returns its completion value.</summary>
    public Value Run(CompiledProgram program)
    {
        if (!program.Script.Validated) throw new InvalidOperationException("the VM runs only validated bytecode");
        GlobalNames = program.Globals;
        if (Globals.Length < program.Globals.Count) Array.Resize(ref Globals, Math.Max(program.Globals.Count, Globals.Length * 2));
        Sp = 0;
        FrameCount = 0;
        Depth = 0;
        HasPendingReturn = false;
        StartLimits();
        ExecutionLimits.Current = Limits;
        PendingFrames.Clear();
        Push(Value.Function(new FunctionValue(program.Script)));
        try
        {
            return CallValue(0);
        }
        catch (AtlasRuntimeException ex)
        {
            UnwindFrames(ex, 0);
            Depth = 0;
            Sp = 0;
            throw;
        }
    }

    /// <summary>
    /// Calls an Atlas function value (user function, closure or builtin) with the given arguments; used by callbacks and hosts.
    /// </summary>
    public Value Invoke(Value callee, ReadOnlySpan<Value> args)
    {
        // Builtins' callbacks land here once per element: a compiled callee goes straight to its entry.
        if (callee.Kind == ValueKind.Function && callee.AsFunction is { Proto: { Compiled: { } entry } proto } fn
            && proto.Arity == args.Length)
            return InvokeCompiled(callee, fn, entry, args.Length == 1 ? proto.CompiledCallback : null, args);
        int mark = FrameCount, depth = Depth, sp = Sp;
        EnsureStack(args.Length + 1);
        Stack[Sp++] = callee;
        foreach (var a in args) Stack[Sp++] = a;
        AtlasRuntimeException failure;
        try
        {
            return CallValue(args.Length);
        }
        catch (AtlasRuntimeException ex)
        {
            // Compiled frames do not unwind themselves (they only record where they were): do it for them.
            UnwindFrames(ex, mark);
            Depth = depth;
            Sp = sp;
            failure = ex;
        }
        // Thrown after the handler, not rethrown inside it, for the reason given in Execute: between compiled frames
        // (which only have fault blocks) each nested callback's rethrow would stack another exception dispatch.
        throw failure;
    }

    /// <summary>
    /// <see cref="Invoke"/> of a compiled function: the checks of <see cref="CallValue"/> for a compiled callee (depth,
    /// headroom every 8 levels, the budget; no hotness count, it is compiled already), then its one-argument entry
    /// (<paramref name="callback"/>: nothing goes through the value stack) or its <see cref="CompiledCode"/> entry with the
    /// arguments on the value stack, and the same unwinding on an error.
    /// </summary>
    private Value InvokeCompiled(Value callee, FunctionValue fn, CompiledCode entry, CompiledCallback? callback, ReadOnlySpan<Value> args)
    {
        int mark = FrameCount, depth = Depth, sp = Sp;
        EnterCall(headroomMask: 7);
        AtlasRuntimeException failure;
        try
        {
            Value result;
            if (callback != null) result = callback(this, fn, args[0]);
            else
            {
                EnsureStack(args.Length + 1);
                Stack[Sp++] = callee;
                foreach (var a in args) Stack[Sp++] = a;
                result = entry(this, fn, sp + 1);
            }
            Depth = depth;
            Sp = sp;
            return result;
        }
        catch (AtlasRuntimeException ex)
        {
            UnwindFrames(ex, mark);
            Depth = depth;
            Sp = sp;
            failure = ex;
        }
        throw failure;
    }

    /// <summary>
    /// Runs a one-parameter call interpreted from inside a <see cref="CompiledCallback"/> whose argument does not fit the
    /// compiled code: callee and argument go on the value stack, as <see cref="RunInterpreted"/> needs them.
    /// </summary>
    public Value RunInterpretedWith(FunctionValue fn, Value argument)
    {
        int sp = Sp;
        EnsureStack(2);
        Stack[Sp++] = Value.Function(fn);
        Stack[Sp++] = argument;
        var result = RunInterpreted(fn, sp + 1);
        Sp = sp;
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(Value v)
    {
        if (Sp == Stack.Length) GrowStack(1);
        Stack[Sp++] = v;
    }

    /// <summary>
    /// Calls the callee at <c>Stack[Sp - argc - 1]</c> with the <paramref name="argc"/> values above it, pops them all and
    /// returns the result. This is the one call path for builtins' callbacks, hosts and compiled code.
    /// </summary>
    public Value CallValue(int argc)
    {
        int calleeIndex = Sp - argc - 1;
        var callee = Stack[calleeIndex];
        Value result;
        switch (callee.Kind)
        {
            case ValueKind.Function:
            {
                var fn = callee.AsFunction;
                var proto = fn.Proto;
                if (argc != proto.Arity) throw ArityError(proto, argc);
                if (++Depth > MaxDepth) ThrowCallDepthExceeded();
                // The calls that come here nest on the .NET stack (builtins' callbacks, hosts, compiled code's generic
                // path). An interpreted callee's dispatch loop (or a compilation, when this call makes it hot) needs a
                // large frame, so that is checked at every call; a compiled callee's frames are small, so, as for
                // compiled code's own calls (EnterCall), every 8 levels.
                if ((proto.Compiled == null || (Depth & 7) == 0) && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
                    ThrowCallDepthExceeded();
                // Builtins call back through here (sort's comparator, map's function …): without this check a
                // callback that neither loops nor calls a user function ran outside the time and cancellation budgets.
                Tick();
                CountCall(proto);
                if (proto.Compiled is { } compiled)
                {
                    result = compiled(this, fn, calleeIndex + 1);
                    Depth--;
                    Sp = calleeIndex;
                    return result;
                }
                PushFrame(fn, calleeIndex + 1);
                return Execute(FrameCount - 1);
            }
            case ValueKind.Builtin:
                result = callee.AsBuiltin.Impl(this, new Args(Stack, calleeIndex + 1, argc));
                Sp = calleeIndex;
                return result;
            case ValueKind.Option when !callee.AsOption.IsSome && argc == 0:
                Sp = calleeIndex;
                return OptionValue.None;
            default:
                throw AtlasRuntimeException.Type($"Cannot call non-function type {ValueFormatter.TypeName(callee)}");
        }
    }

    /// <summary>AT0008 for the call that just incremented <see cref="Depth"/> (undone here).</summary>
    public void ThrowCallDepthExceeded()
    {
        Depth--;
        throw new AtlasRuntimeException(RuntimeErrorKind.StackOverflow, MaxDepth.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // out of Execute's inlining budget (see ExecuteRare)
    internal static AtlasRuntimeException ArityError(FunctionProto proto, int argc) =>
        AtlasRuntimeException.Type($"Function {proto.Name} expects {proto.Arity} arguments, got {argc}");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountCall(FunctionProto proto)
    {
        if (++proto.HotCount >= _hotThreshold && proto.Compiled == null && proto.Tier == TierState.Interpreted && _tiering != null)
            _tiering.OnHot(proto, this);
    }

    /// <summary>
    /// Pushes an interpreted frame whose arguments start at <paramref name="argBase"/>; the other locals start as null.
    /// Returns the new frame. Inlined: the dispatch loop calls it on every interpreted call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref CallFrame PushFrame(FunctionValue fn, int argBase)
    {
        var proto = fn.Proto;
        if (FrameCount == Frames.Length) GrowFrames();
        int top = argBase + proto.LocalCount;
        EnsureStack(top - Sp + proto.MaxStack + 1);
        var stack = Stack;
        // Fresh nulls, not copies of Value.Null: a store of a value known to hold no reference needs no GC write barrier.
        for (int i = Sp; i < top; i++) stack[i] = Value.NewNull();
        Sp = top;
        ref var f = ref Frames[FrameCount++];
        // A frame slot is reused by the next call at the same depth, mostly of the same function (recursion, a loop
        // calling a helper): skipping equal stores skips their GC write barriers.
        if (!ReferenceEquals(f.Proto, proto)) f.Proto = proto;
        var upvalues = proto.MutatesUpvalues ? (Value[])fn.Upvalues.Clone() : fn.Upvalues;
        if (!ReferenceEquals(f.Upvalues, upvalues)) f.Upvalues = upvalues;
        f.Base = argBase;
        f.Pc = 0;
        f.NoOsr = false;
        return ref f;
    }

    private void GrowFrames() => Array.Resize(ref Frames, Frames.Length * 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnsureStack(int needed)
    {
        if (Sp + needed > Stack.Length) GrowStack(needed);
    }

    private void GrowStack(int needed)
    {
        int size = Stack.Length;
        while (size < Sp + needed) size *= 2;
        Array.Resize(ref Stack, size);
    }

    /// <summary>Checks time, cancellation and memory budgets; called every <see cref="BudgetInterval"/> back-edges and calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Tick()
    {
        if (--_budget <= 0) RefillBudget();
    }

    internal string GlobalName(int slot) => GlobalNames != null && slot < GlobalNames.Count ? GlobalNames.Names[slot] : $"global#{slot}";

    /// <summary>Calls a method of language.md §8.5 on the receiver below the arguments (the stack holds receiver and args).</summary>
    internal Value CallMethod(string name, int argc) => CallMethod(name, ResolveMethod(name), argc);

    private static readonly BuiltinImpl? s_push = ResolveMethod("push");

    /// <summary>
    /// The implementation of array or json method <paramref name="name"/>, or null if there is none (compiled code resolves it once).
    /// </summary>
    public static BuiltinImpl? ResolveMethod(string name) => MethodTable.Resolve(name);

    /// <summary>
    /// <see cref="ResolveMethod"/> for the method name constants[<paramref name="k"/>] of <paramref name="proto"/>, cached per
    /// prototype like compiled code's once-resolved methods (a name without a method is not cached: the call fails anyway).
    /// </summary>
    private static BuiltinImpl? MethodOf(FunctionProto proto, int k)
    {
        var cache = proto.InterpMethods ??= new BuiltinImpl?[proto.Constants.Length];
        return cache[k] ??= ResolveMethod(proto.Constants[k].AsString);
    }

    /// <summary><see cref="CallMethod(string, int)"/> with the method already resolved by <see cref="ResolveMethod"/>.</summary>
    public Value CallMethod(string name, BuiltinImpl? impl, int argc)
    {
        int receiverIndex = Sp - argc - 1;
        var receiver = Stack[receiverIndex];
        // a.push(n) onto an array that is not shared: appended in place (what arrayPush does after Writable), without the
        // builtin's argument checks and call.
        if (ReferenceEquals(impl, s_push) && argc == 1 && receiver.Kind == ValueKind.Array && Stack[Sp - 1] is { Kind: ValueKind.Number } n
            && Unsafe.As<AtlasArray>(receiver.Obj!).TryPushNumber(n.Num))
        {
            Sp = receiverIndex;
            return receiver;
        }
        if (impl == null || receiver.Kind != MethodTable.ReceiverKind(impl))
            throw AtlasRuntimeException.Type($"Cannot call method '{name}' on value of this type");
        var result = impl(this, new Args(Stack, receiverIndex, argc + 1));
        Sp = receiverIndex;
        return result;
    }

    /// <summary>
    /// Calls builtin <paramref name="builtin"/> with the <paramref name="argc"/> arguments on top of the stack and pops them (no callee
    /// slot).
    /// </summary>
    public Value CallBuiltin(BuiltinFunction builtin, int argc)
    {
        int argBase = Sp - argc;
        var result = builtin.Impl(this, new Args(Stack, argBase, argc));
        Sp = argBase;
        return result;
    }
}
