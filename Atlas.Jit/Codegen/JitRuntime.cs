using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit.Codegen;

/// <summary>
/// The small static methods generated code calls. Each one picks a typed fast path or defers to the runtime's single
/// implementation of the operation (<see cref="ValueOps"/>, <see cref="ValueEquality"/>, <see cref="Interpreter"/>), so
/// compiled code has exactly the interpreter's semantics and errors. The small ones are inlined by the .NET JIT. Those
/// with a common case and a long tail (indexing, globals) inline only the common case and call a <c>NoInlining</c>
/// helper for the rest: every inlined body is compiled again in every generated method, and machine-code generation
/// for a dynamic method (always fully optimised) dominates compile latency, growing faster than the inlined size.
/// Public because generated code must be able to call them under either expression compiler.
/// </summary>
internal static class JitRuntime
{
    private const MethodImplOptions Inline = MethodImplOptions.AggressiveInlining;
    private const MethodImplOptions Cold = MethodImplOptions.NoInlining;

    // ---- value plumbing ----

    [MethodImpl(Inline)] public static Value Share(Value v) => v.Share();
    [MethodImpl(Inline)] public static Value Number(double d) => Value.Number(d);
    [MethodImpl(Inline)] public static Value Bool(bool b) => Value.Bool(b);
    [MethodImpl(Inline)] public static bool IsNumber(Value v) => v.Kind == ValueKind.Number;
    /// <summary>A number a long local holds exactly (a loop entry checks the interpreted frame's values with it).</summary>
    [MethodImpl(Inline)] public static bool IsLong(Value v) => v.Kind == ValueKind.Number && Reprs.FitsLong(v.Num);
    /// <summary>
    /// A long operation's result left the long range (or is -0): the double result goes through the return channel and
    /// the caller deoptimizes after the instruction.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PendNumber(Interpreter vm, double d) => vm.SetPendingReturn(Value.Number(d));
    [MethodImpl(Inline)] public static bool IsBool(Value v) => v.Kind == ValueKind.Bool;
    [MethodImpl(Inline)] public static bool IsTrue(Value v) => v.IsTrue;
    [MethodImpl(Inline)] public static bool IsArray(Value v) => v.Kind == ValueKind.Array;
    [MethodImpl(Inline)] public static bool IsNull(Value v) => v.Kind == ValueKind.Null;

    // ---- arithmetic: (double, double) goes straight to ValueOps.*Numbers; mixed operands take the number path when
    //      the boxed side is a number and otherwise the generic operator, which raises the interpreter's error ----

    [MethodImpl(Inline)]
    public static double Add(double a, Value b) =>
        b.Kind == ValueKind.Number ? ValueOps.AddNumbers(a, b.Num) : ValueOps.Add(Value.Number(a), b).Num;
    [MethodImpl(Inline)]
    public static double Add(Value a, double b) =>
        a.Kind == ValueKind.Number ? ValueOps.AddNumbers(a.Num, b) : ValueOps.Add(a, Value.Number(b)).Num;
    [MethodImpl(Inline)]
    public static Value Add(Value a, Value b) =>
        a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? Value.Number(ValueOps.AddNumbers(a.Num, b.Num)) : ValueOps.Add(a, b);

    [MethodImpl(Inline)]
    public static double Sub(Value a, Value b) =>
        a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? ValueOps.SubNumbers(a.Num, b.Num) : ValueOps.Sub(a, b).Num;
    [MethodImpl(Inline)]
    public static double Mul(Value a, Value b) =>
        a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? ValueOps.MulNumbers(a.Num, b.Num) : ValueOps.Mul(a, b).Num;
    [MethodImpl(Inline)]
    public static double Div(Value a, Value b) =>
        a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? ValueOps.DivNumbers(a.Num, b.Num) : ValueOps.Div(a, b).Num;
    [MethodImpl(Inline)]
    public static double Mod(Value a, Value b) =>
        a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? ValueOps.ModNumbers(a.Num, b.Num) : ValueOps.Mod(a, b).Num;
    [MethodImpl(Inline)] public static double Negate(Value a) => ValueOps.Negate(a).Num;

    // ---- comparisons and logic ----

    [MethodImpl(Inline)] public static bool Less(Value a, Value b) => ValueOps.Less(a, b);
    [MethodImpl(Inline)] public static bool LessEqual(Value a, Value b) => ValueOps.LessEqual(a, b);
    [MethodImpl(Inline)] public static bool Greater(Value a, Value b) => ValueOps.Greater(a, b);
    [MethodImpl(Inline)] public static bool GreaterEqual(Value a, Value b) => ValueOps.GreaterEqual(a, b);
    [MethodImpl(Inline)] public static bool Equal(Value a, Value b) => ValueEquality.AreEqual(a, b);
    [MethodImpl(Inline)] public static bool Equal(Value a, double b) => ValueEquality.EqualsNumber(a, b);
    [MethodImpl(Inline)] public static bool Not(Value a) => ValueOps.Not(a).AsBool;
    [MethodImpl(Inline)] public static void RequireBool(Value v, int which) => ValueOps.RequireBool(v, which);
    [MethodImpl(Inline)] public static bool AsBool(Value v) => v.AsBool;
    [MethodImpl(Inline)] public static double RequireNumber(Value v, int which)
    {
        Interpreter.RequireNumber(v, which);
        return v.Num;
    }

    // ---- indexing ----

    // Element read and write have one home, AtlasArray.Read / AtlasArray.Write (through ValueOps.GetElement /
    // SetElement for a target that may not be an array); these only adapt the operand types of generated code.

    [MethodImpl(Inline)] public static Value GetIndex(Value target, double index) => ValueOps.GetElement(target, index);

    /// <summary>
    /// An element read speculated to be a number (an element of a <c>number[]</c> variable): the element as a double, or,
    /// for an element of another kind, 0 with the element waiting in the return channel — the caller deoptimizes. Inline
    /// only <see cref="AtlasArray.TryReadNumber(double, out double)"/> (a few instructions: compiled loops have many such
    /// reads); everything else is the element read's one home, so both reads have the same checks and errors.
    /// </summary>
    [MethodImpl(Inline)]
    public static double GetNumber(Interpreter vm, Value target, double index) =>
        target.Kind == ValueKind.Array && Unsafe.As<AtlasArray>(target.Obj!).TryReadNumber(index, out double d)
            ? d
            : GetNumberSlow(vm, target, index);

    /// <summary><see cref="GetNumber(Interpreter, Value, double)"/> at a long index (a loop counter).</summary>
    [MethodImpl(Inline)]
    public static double GetNumber(Interpreter vm, Value target, long index) =>
        target.Kind == ValueKind.Array && Unsafe.As<AtlasArray>(target.Obj!).TryReadNumber(index, out double d)
            ? d
            : GetNumberSlow(vm, target, index);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double GetNumberSlow(Interpreter vm, Value target, double index) =>
        NumberOrPending(vm, ValueOps.GetElement(target, index));

    [MethodImpl(Cold)] public static Value GetIndex(Value target, Value index) => ValueOps.GetIndex(target, index);

    [MethodImpl(Inline)] public static Value SetIndex(Value target, double index, Value value) => ValueOps.SetElement(target, index, value);

    /// <summary>
    /// An element write of a number: inline only <see cref="AtlasArray.TryWriteNumber(double, double)"/> (in place, unboxed); everything
    /// else is the element write's one home.
    /// </summary>
    [MethodImpl(Inline)]
    public static Value SetIndex(Value target, double index, double value) =>
        target.Kind == ValueKind.Array && Unsafe.As<AtlasArray>(target.Obj!).TryWriteNumber(index, value)
            ? target
            : SetNumberSlow(target, index, value);

    /// <summary><see cref="SetIndex(Value, double, double)"/> at a long index (a loop counter).</summary>
    [MethodImpl(Inline)]
    public static Value SetIndex(Value target, long index, double value) =>
        target.Kind == ValueKind.Array && Unsafe.As<AtlasArray>(target.Obj!).TryWriteNumber(index, value)
            ? target
            : SetNumberSlow(target, index, value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Value SetNumberSlow(Value target, double index, double value) =>
        ValueOps.SetElement(target, index, Value.Number(value));

    [MethodImpl(Cold)] public static Value SetIndex(Value target, Value index, Value value) => ValueOps.SetIndex(target, index, value);

    [MethodImpl(Inline)] public static double ArrayLength(Value v) => ValueOps.ArrayLength(v);

    // ---- arrays held as AtlasArray (Repr.Array): the same element read and write, without the Value around them ----

    [MethodImpl(Inline)] public static Value BoxArray(AtlasArray a) => Value.Array(a);
    /// <summary>An array local for a deoptimization frame: one not stored yet is the VM's initial null.</summary>
    [MethodImpl(Cold)]
    public static void StoreArray(Value[] frame, int i, AtlasArray? a) => frame[i] = a == null ? Value.Null : Value.Array(a);
    /// <summary>The array a value known to be one holds (after <see cref="IsArray"/>).</summary>
    [MethodImpl(Inline)] public static AtlasArray AsArray(Value v) => Unsafe.As<AtlasArray>(v.Obj!);
    /// <summary><see cref="Value.Share"/> of an array: the read that may make a second reference.</summary>
    [MethodImpl(Inline)]
    public static AtlasArray Share(AtlasArray a)
    {
        a.Shared = true;
        return a;
    }
    /// <summary>An array literal (<see cref="ValueOps.MakeArray"/>) as its array.</summary>
    public static AtlasArray NewArray(Value[] items) => AsArray(ValueOps.MakeArray(items, items.Length));
    /// <summary>
    /// A store into an array local of a value whose kind was not known: not an array, it waits in the return channel and
    /// the caller deoptimizes before the store.
    /// </summary>
    [MethodImpl(Cold)] public static void PendValue(Interpreter vm, Value v) => vm.SetPendingReturn(v);

    /// <summary>An array local's element at a long index, NaN for anything else (<see cref="AtlasArray.ReadNumberOrNaN"/>).</summary>
    [MethodImpl(Inline)] public static double ReadNumberOrNaN(AtlasArray target, long index) => target.ReadNumberOrNaN(index);

    /// <summary>
    /// <see cref="AtlasArray.TryWriteNumber(long, double)"/> on the array in global <paramref name="slot"/>, in place;
    /// false when the global is not an array or the store cannot be done there (the caller then takes the generic path).
    /// </summary>
    [MethodImpl(Inline)]
    public static bool GlobalTryWriteNumber(Interpreter vm, int slot, long index, double value)
    {
        ref var g = ref vm.Globals[slot];
        return g.Kind == ValueKind.Array && Unsafe.As<AtlasArray>(g.Obj!).TryWriteNumber(index, value);
    }

    /// <summary>
    /// The array global <paramref name="slot"/> holds, for compiled code to keep in a local; <see cref="AtlasArray.None"/>
    /// (empty and shared: every read and in-place write of it fails, and the code takes the generic way) if it holds
    /// something else or nothing yet.
    /// </summary>
    [MethodImpl(Inline)]
    public static AtlasArray GlobalArrayOrNone(Interpreter vm, int slot)
    {
        ref var g = ref vm.Globals[slot];
        return g.Kind == ValueKind.Array ? Unsafe.As<AtlasArray>(g.Obj!) : AtlasArray.None;
    }

    /// <summary>
    /// <see cref="ReadNumberOrNaN"/> of the array in global <paramref name="slot"/>, read in place (no 24-byte copy of
    /// the global); NaN also when the global is not an array (or not defined yet).
    /// </summary>
    [MethodImpl(Inline)]
    public static double GlobalNumberOrNaN(Interpreter vm, int slot, long index)
    {
        ref var g = ref vm.Globals[slot];
        return g.Kind == ValueKind.Array ? Unsafe.As<AtlasArray>(g.Obj!).ReadNumberOrNaN(index) : double.NaN;
    }

    /// <summary><see cref="GetNumber(Interpreter, Value, double)"/> of an array local.</summary>
    [MethodImpl(Inline)]
    public static double GetNumber(Interpreter vm, AtlasArray target, double index) =>
        target.TryReadNumber(index, out double d) ? d : GetNumberSlow(vm, target, index);

    /// <summary>
    /// The rest of an array local's element read (its one home), taking the array itself: a <c>Value</c> argument would be
    /// a 24-byte temporary in the compiled method for every read site.
    /// </summary>
    [MethodImpl(Cold)]
    private static double GetNumberSlow(Interpreter vm, AtlasArray target, double index) => NumberOrPending(vm, target.Read(index));

    /// <summary>The in-place store of a number into an array local (<see cref="AtlasArray.TryWriteNumber(long, double)"/>).</summary>
    [MethodImpl(Inline)]
    public static bool TryWriteNumber(AtlasArray target, long index, double value) => target.TryWriteNumber(index, value);
    [MethodImpl(Inline)]
    public static bool TryWriteNumber(AtlasArray target, double index, double value) => target.TryWriteNumber(index, value);
    [MethodImpl(Inline)]
    public static bool TryWriteNumber(AtlasArray target, long index, long value) => target.TryWriteNumber(index, value);

    /// <summary>The rest of a number store into an array local: the element write's one home (a copy, a wider storage, an error).</summary>
    [MethodImpl(Cold)]
    public static AtlasArray WriteNumber(AtlasArray target, double index, double value) => target.Write(index, Value.Number(value));

    /// <summary>A store of a boxed value at a number index into an array local.</summary>
    [MethodImpl(Inline)] public static AtlasArray SetIndex(AtlasArray target, double index, Value value) => target.Write(index, value);

    /// <summary>A store at an index that is not a number (it fails as in <see cref="ValueOps.SetIndex"/>).</summary>
    [MethodImpl(Cold)]
    public static AtlasArray SetIndex(AtlasArray target, Value index, Value value) =>
        AsArray(ValueOps.SetIndex(Value.Array(target), index, value));

    [MethodImpl(Inline)] public static double ArrayLength(AtlasArray a) => a.Count;

    // ---- variables ----

    /// <summary>
    /// Inline: a defined global whose read marks nothing shared (numbers, functions…); the rest in <see cref="GetGlobalSlow"/>.
    /// </summary>
    [MethodImpl(Inline)]
    public static Value GetGlobal(Interpreter vm, int slot)
    {
        var v = vm.Globals[slot];
        return v.Kind == ValueKind.Undefined || CowObject.IsCopyOnWrite(v.Kind) ? GetGlobalSlow(vm, slot) : v;
    }

    /// <summary><c>str(d)</c> of a number (<see cref="NumericBuiltins.IsStrOfNumber"/>).</summary>
    public static Value StrOfNumber(double d) => Value.String(ValueFormatter.Display(Value.Number(d)));

    /// <summary>
    /// Reference equality for the call guards: FastExpressionCompiler emits <c>Expression.ReferenceEqual</c> on two objects
    /// as a call of <c>object.Equals</c> (null tests and a virtual call); this is one compare.
    /// </summary>
    [MethodImpl(Inline)] public static bool Same(object? a, object? b) => ReferenceEquals(a, b);

    /// <summary>The object global <paramref name="slot"/> holds (a fused callee read compares it with the guessed function).</summary>
    [MethodImpl(Inline)] public static object? GlobalObject(Interpreter vm, int slot) => vm.Globals[slot].Obj;

    /// <summary>
    /// A deoptimization frame's slot for a fused callee read whose call is still ahead: the global, read now (in a helper,
    /// so the method has no boxed temporary to zero in its prologue).
    /// </summary>
    [MethodImpl(Cold)]
    public static void StoreGlobalInFrame(Value[] frame, int i, Interpreter vm, int slot, bool shares) =>
        frame[i] = shares ? GetGlobal(vm, slot) : BorrowGlobal(vm, slot);

    [MethodImpl(Cold)] public static Value GetGlobalSlow(Interpreter vm, int slot) => vm.GetGlobal(slot);

    [MethodImpl(Inline)]
    public static Value BorrowGlobal(Interpreter vm, int slot)
    {
        var v = vm.Globals[slot];
        return v.Kind == ValueKind.Undefined ? BorrowGlobalSlow(vm, slot) : v;
    }

    [MethodImpl(Cold)] public static Value BorrowGlobalSlow(Interpreter vm, int slot) => vm.BorrowGlobal(slot);
    [MethodImpl(Inline)] public static void SetGlobal(Interpreter vm, int slot, Value v) => vm.StoreGlobal(slot, v);
    /// <summary>
    /// The captures a call works on: the closure's own, or a private copy when the body assigns them (language.md §5.4).
    /// </summary>
    [MethodImpl(Inline)]
    public static Value[] Upvalues(FunctionValue callee, bool privateCopy) =>
        privateCopy ? (Value[])callee.Upvalues.Clone() : callee.Upvalues;

    // ---- calls ----

    /// <summary>The argument at <paramref name="index"/> of the VM's value stack.</summary>
    [MethodImpl(Inline)] public static Value Arg(Interpreter vm, int index) => vm.StackAt(index);
    /// <summary>Only on the VM's generic call path, which costs far more than this call.</summary>
    [MethodImpl(Cold)] public static void Push(Interpreter vm, Value v) => vm.Push(v);
    [MethodImpl(Cold)] public static void PushNumber(Interpreter vm, double d) => vm.Push(Value.Number(d));
    [MethodImpl(Cold)] public static void PushBool(Interpreter vm, bool b) => vm.Push(Value.Bool(b));
    /// <summary>AT0002 if global <paramref name="slot"/> is not defined yet (a fused callee read whose guard failed).</summary>
    [MethodImpl(Cold)] public static void CheckGlobal(Interpreter vm, int slot) => vm.BorrowGlobal(slot);
    /// <summary>
    /// A fused callee read of a stable global whose guard failed: the read itself (AT0002 if the global is not defined,
    /// GetGlobal's read when <paramref name="share"/>, else BorrowGlobal's), its value left in the return channel for the
    /// deoptimization that follows.
    /// </summary>
    [MethodImpl(Cold)]
    public static void PendGlobal(Interpreter vm, int slot, bool share) => vm.SetPendingReturn(ReadGlobal(vm, slot, share));
    /// <summary>Pushes global <paramref name="slot"/> (GetGlobal's read when <paramref name="share"/>, else BorrowGlobal's).</summary>
    [MethodImpl(Cold)]
    public static void PushGlobal(Interpreter vm, int slot, bool share) => vm.Push(ReadGlobal(vm, slot, share));

    /// <summary>
    /// A callee's global as its instruction reads it: GetGlobal's read when <paramref name="share"/>, else BorrowGlobal's.
    /// </summary>
    private static Value ReadGlobal(Interpreter vm, int slot, bool share) => share ? vm.GetGlobal(slot) : vm.BorrowGlobal(slot);
    [MethodImpl(Cold)] public static void PushFunction(Interpreter vm, FunctionValue f) => vm.Push(Value.Function(f));

    /// <summary><see cref="CallValue"/> into an unboxed number slot: another kind leaves through the return channel.</summary>
    [MethodImpl(Cold)] public static double CallValueNumber(Interpreter vm, int argc) => NumberOrPending(vm, vm.CallValue(argc));

    /// <summary><see cref="CallValue"/> into an unboxed long slot: a value a long cannot hold leaves through the return channel.</summary>
    [MethodImpl(Cold)] public static long CallValueLong(Interpreter vm, int argc) => LongOrPending(vm, vm.CallValue(argc));

    /// <summary><see cref="CallValue"/> into an unboxed bool slot: another kind leaves through the return channel.</summary>
    [MethodImpl(Cold)] public static bool CallValueBool(Interpreter vm, int argc) => BoolOrPending(vm, vm.CallValue(argc));

    // Deoptimization frames are filled in place, so generated methods hold no boxed temporaries for them.
    [MethodImpl(Cold)] public static void StoreNumber(Value[] frame, int i, double d) => frame[i] = Value.Number(d);
    [MethodImpl(Cold)] public static void StoreBool(Value[] frame, int i, bool b) => frame[i] = Value.Bool(b);
    [MethodImpl(Cold)] public static void StorePendingReturn(Value[] frame, int i, Interpreter vm) => frame[i] = vm.TakePendingReturn();
    /// <summary>
    /// The VM's universal call path for a callee and arguments already pushed: builtins, closures, interpreted or
    /// compiled functions (a function compiled later is picked up here at once). <see cref="Interpreter.CallValue"/>
    /// checks the budget once per user-function call, as the interpreter's Call does; ticking here as well made the
    /// fuel and time limits fire at other instructions than interpreted (twice per function call, once per builtin).
    /// </summary>
    public static Value CallValue(Interpreter vm, int argc) => vm.CallValue(argc);

    /// <summary>A method call whose implementation was resolved when the code was compiled (null: not an array method).</summary>
    public static Value CallMethod(Interpreter vm, string name, BuiltinImpl? impl, int argc) => vm.CallMethod(name, impl, argc);

    /// <summary>A call whose callee is a builtin constant: the arguments are on the stack, without a callee slot.</summary>
    public static Value CallBuiltin(Interpreter vm, BuiltinFunction builtin, int argc) => vm.CallBuiltin(builtin, argc);

    /// <summary>Runs a call interpreted because its arguments do not fit the compiled code (counted in the stats).</summary>
    public static Value Fallback(Interpreter vm, FunctionValue callee, int argBase, JitFunction function)
    {
        function.RecordArgumentFallback();
        return vm.RunInterpreted(callee, argBase);
    }

    /// <summary><see cref="Fallback"/> for a <see cref="CompiledCallback"/>: the argument did not fit the compiled code.</summary>
    public static Value FallbackWith(Interpreter vm, FunctionValue callee, Value argument, JitFunction function)
    {
        function.RecordArgumentFallback();
        return vm.RunInterpretedWith(callee, argument);
    }

    /// <summary>
    /// Deoptimization: a value did not have the kind compiled code speculated on, so the rest of this call runs in the
    /// interpreter from <paramref name="pc"/> (counted in the stats). Never inlined: its boxed result would be a
    /// temporary the compiled method zeroes in every call's prologue.
    /// </summary>
    [MethodImpl(Cold)]
    public static Value Deoptimize(Interpreter vm, FunctionValue callee, Value[] upvalues, Value[] frame, int stackDepth, int pc,
        JitFunction function)
    {
        function.RecordDeoptimization();
        return vm.ResumeInterpreted(callee, upvalues, frame, stackDepth, pc);
    }

    /// <summary>
    /// <see cref="Deoptimize"/> in a typed body that returns a number: a result of another kind leaves through the return
    /// channel.
    /// </summary>
    [MethodImpl(Cold)]
    public static double DeoptimizeToNumber(Interpreter vm, FunctionValue callee, Value[] upvalues, Value[] frame, int stackDepth, int pc,
        JitFunction function) =>
        NumberOrPending(vm, Deoptimize(vm, callee, upvalues, frame, stackDepth, pc, function));

    /// <summary>
    /// <see cref="Deoptimize"/> in a typed body that returns a long: a result that is not one leaves through the return
    /// channel.
    /// </summary>
    [MethodImpl(Cold)]
    public static long DeoptimizeToLong(Interpreter vm, FunctionValue callee, Value[] upvalues, Value[] frame, int stackDepth,
        int pc, JitFunction function) =>
        LongOrPending(vm, Deoptimize(vm, callee, upvalues, frame, stackDepth, pc, function));

    /// <summary>
    /// <see cref="Deoptimize"/> in a typed body that returns a bool: a result of another kind leaves through the return
    /// channel.
    /// </summary>
    [MethodImpl(Cold)]
    public static bool DeoptimizeToBool(Interpreter vm, FunctionValue callee, Value[] upvalues, Value[] frame, int stackDepth, int pc,
        JitFunction function) =>
        BoolOrPending(vm, Deoptimize(vm, callee, upvalues, frame, stackDepth, pc, function));

    // ---- the return channel (docs/jit.md, "Call protocol"): a typed result that is not of its typed kind ----

    /// <summary>
    /// A boxed call result for an unboxed number slot: its number, or (another kind) 0 with the value in the return channel.
    /// </summary>
    [MethodImpl(Cold)]
    public static double NumberOrPending(Interpreter vm, Value v)
    {
        if (v.Kind == ValueKind.Number) return v.Num;
        vm.SetPendingReturn(v);
        // The placeholder is NaN, so a caller tests the register first and reads the channel's flag only for a NaN.
        return double.NaN;
    }

    /// <summary>
    /// A boxed call result for an unboxed long slot: its number if it is one a long holds (<see cref="Reprs.FitsLong"/>),
    /// else <see cref="LongPlaceholder"/> with the value in the return channel.
    /// </summary>
    [MethodImpl(Cold)]
    public static long LongOrPending(Interpreter vm, Value v)
    {
        if (v.Kind == ValueKind.Number && Reprs.FitsLong(v.Num)) return (long)v.Num;
        vm.SetPendingReturn(v);
        return LongPlaceholder;
    }

    /// <summary>
    /// The placeholder of a long result whose value waits in the return channel: outside the range a long result holds,
    /// so a caller tests the register first and reads the channel's flag only for it.
    /// </summary>
    public const long LongPlaceholder = long.MinValue;

    /// <summary>A long call result in a double slot; the long placeholder becomes the double one (NaN).</summary>
    [MethodImpl(Inline)] public static double LongResultAsNumber(long l) => l == LongPlaceholder ? double.NaN : l;

    /// <summary>A typed body's long result, boxed: the value in the return channel instead if the call ended with another kind.</summary>
    [MethodImpl(Inline)]
    public static Value BoxLongResult(Interpreter vm, long l) => vm.HasPendingReturn ? vm.TakePendingReturn() : Value.Number(l);

    /// <summary>
    /// A boxed call result for an unboxed bool slot: its bool, or (another kind) false with the value in the return channel.
    /// </summary>
    [MethodImpl(Cold)]
    public static bool BoolOrPending(Interpreter vm, Value v)
    {
        if (v.Kind == ValueKind.Bool) return v.AsBool;
        vm.SetPendingReturn(v);
        return false;
    }


    /// <summary>A typed body's number result, boxed: the value in the return channel instead if the call ended with another kind.</summary>
    [MethodImpl(Inline)]
    public static Value BoxNumberResult(Interpreter vm, double d) => vm.HasPendingReturn ? vm.TakePendingReturn() : Value.Number(d);

    /// <summary>A typed body's bool result, boxed: the value in the return channel instead if the call ended with another kind.</summary>
    [MethodImpl(Inline)]
    public static Value BoxBoolResult(Interpreter vm, bool b) => vm.HasPendingReturn ? vm.TakePendingReturn() : Value.Bool(b);

    /// <summary>
    /// Deoptimization inside a loop entry: the call goes back to the interpreted frame it came from (counted in the stats).
    /// </summary>
    public static void ReturnToInterpreter(Interpreter vm, int frameBase, Value[] frame, int stackDepth, int pc, JitFunction function)
    {
        function.RecordDeoptimization();
        vm.ReturnToInterpreter(frameBase, frame, stackDepth, pc);
    }

    /// <summary>
    /// The fault handler of a compiled frame; a negative offset means the frame continues in the interpreter, which reports it.
    /// </summary>
    public static void Unwound(int site, int pc)
    {
        if (pc != CompiledFrames.DeoptimizedPc) Interpreter.RecordUnwoundFrame(UnwindSites.ProtoOf(site), pc);
    }

    /// <summary><see cref="Unwound(int, int)"/> in closure mode, where the tree holds the prototype itself.</summary>
    public static void Unwound(FunctionProto proto, int pc)
    {
        if (pc != CompiledFrames.DeoptimizedPc) Interpreter.RecordUnwoundFrame(proto, pc);
    }

    // ---- Option / Result / arrays / errors ----

    [MethodImpl(Inline)] public static bool IsSome(Value v) => ValueOps.IsSome(v);
    [MethodImpl(Inline)] public static bool IsNone(Value v) => ValueOps.IsNone(v);
    [MethodImpl(Inline)] public static bool IsOk(Value v) => ValueOps.IsOk(v);
    [MethodImpl(Inline)] public static bool IsErr(Value v) => ValueOps.IsErr(v);
    [MethodImpl(Inline)] public static Value OptionPayload(Value v) => ValueOps.OptionPayload(v);
    [MethodImpl(Inline)] public static Value ResultPayload(Value v) => ValueOps.ResultPayload(v);
    [MethodImpl(Inline)] public static void RequireResult(Value v) => ValueOps.RequireResult(v);
    [MethodImpl(Inline)] public static void RequireIterable(Value v) => Interpreter.RequireIterable(v);
    [MethodImpl(Inline)] public static Value PairItem(Value v) => ValueOps.PairItem(v);
    [MethodImpl(Inline)] public static Value PairCollection(Value v) => ValueOps.PairCollection(v);
    public static Value MakeArray(Value[] items) => ValueOps.MakeArray(items, items.Length);
    public static Value MakeClosure(FunctionProto proto, Value[] captured) => ValueOps.MakeClosure(proto, captured);
    public static void ThrowMatchFailed() => ValueOps.ThrowMatchFailed();
    public static void ThrowMessage(Value message) => ValueOps.ThrowMessage(message);
}
