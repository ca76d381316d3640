using System.Reflection;
using System.Runtime.CompilerServices;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Precompiled <see cref="CompiledCode"/> entries for typed bodies of up to <see cref="MaxArity"/> parameters: the same
/// work as <see cref="FunctionTranslator.BuildEntry"/>'s tree (read the arguments off the VM stack, run the call
/// interpreted unless each unboxed parameter got its kind, call the body, box its result unless the call deoptimized),
/// written once as generic C#. An entry then costs no expression compile and no dynamic method for the .NET JIT to
/// optimise; each signature's instantiation is compiled once per process, as ordinary tiered code.
/// </summary>
internal static class EntryAdapters
{
    public const int MaxArity = 4;

    private static readonly MethodInfo[] Factories = FindFactories();

    private static MethodInfo[] FindFactories()
    {
        var factories = new MethodInfo[MaxArity + 1];
        for (int n = 0; n <= MaxArity; n++)
            factories[n] = typeof(EntryAdapters).GetMethod("Entry" + n, BindingFlags.NonPublic | BindingFlags.Static)!;
        return factories;
    }

    /// <summary>The entry for <paramref name="fn"/>'s typed <paramref name="body"/>, or null above <see cref="MaxArity"/>.</summary>
    public static CompiledCode? TryCreate(JitFunction fn, Delegate body)
    {
        if (!fn.HasTypedBody || fn.Proto.Arity > MaxArity) return null;
        // The commonest signatures (number to number, whole or not) by a direct call: ReadyToRun then sees the
        // instantiation and precompiles it, where one made by MakeGenericMethod costs the .NET JIT a dozen methods in the
        // first compile.
        if (body is Func<Interpreter, FunctionValue, int, double, double> numberToNumber) return Entry1(numberToNumber, fn);
        if (body is Func<Interpreter, FunctionValue, int, long, long> wholeToWhole) return Entry1(wholeToWhole, fn);
        var types = new Type[fn.Proto.Arity + 1];
        Reprs.ClrTypes(fn.ParamReprs).CopyTo(types, 0);
        types[^1] = Reprs.ClrType(fn.ReturnRepr);
        return (CompiledCode)Factories[fn.Proto.Arity].MakeGenericMethod(types).Invoke(null, [body, fn])!;
    }

    private static readonly MethodInfo CallbackFactory =
        typeof(EntryAdapters).GetMethod(nameof(Callback1), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The direct one-argument entry (<see cref="CompiledCallback"/>) for <paramref name="fn"/>'s typed body, or null.</summary>
    public static CompiledCallback? TryCreateCallback(JitFunction fn, Delegate body)
    {
        if (!fn.HasTypedBody || fn.Proto.Arity != 1) return null;
        if (body is Func<Interpreter, FunctionValue, int, double, double> numberToNumber) return Callback1(numberToNumber, fn);
        if (body is Func<Interpreter, FunctionValue, int, long, long> wholeToWhole) return Callback1(wholeToWhole, fn);
        var types = new[] { Reprs.ClrType(fn.ParamReprs[0]), Reprs.ClrType(fn.ReturnRepr) };
        return (CompiledCallback)CallbackFactory.MakeGenericMethod(types).Invoke(null, [body, fn])!;
    }

    private static CompiledCallback Callback1<T0, TR>(Func<Interpreter, FunctionValue, int, T0, TR> body, JitFunction fn) =>
        (vm, callee, a0) => Fits<T0>(a0) ? Result(vm, body(vm, callee, vm.Depth, Unbox<T0>(a0))) : JitRuntime.FallbackWith(vm, callee, a0, fn);

    private static CompiledCode Entry0<TR>(Func<Interpreter, FunctionValue, int, TR> body, JitFunction fn) =>
        (vm, callee, argBase) => Result(vm, body(vm, callee, vm.Depth));

    private static CompiledCode Entry1<T0, TR>(Func<Interpreter, FunctionValue, int, T0, TR> body, JitFunction fn) =>
        (vm, callee, argBase) =>
        {
            var a0 = vm.StackAt(argBase);
            if (!Fits<T0>(a0)) return JitRuntime.Fallback(vm, callee, argBase, fn);
            return Result(vm, body(vm, callee, vm.Depth, Unbox<T0>(a0)));
        };

    private static CompiledCode Entry2<T0, T1, TR>(Func<Interpreter, FunctionValue, int, T0, T1, TR> body, JitFunction fn) =>
        (vm, callee, argBase) =>
        {
            Value a0 = vm.StackAt(argBase), a1 = vm.StackAt(argBase + 1);
            if (!(Fits<T0>(a0) && Fits<T1>(a1))) return JitRuntime.Fallback(vm, callee, argBase, fn);
            return Result(vm, body(vm, callee, vm.Depth, Unbox<T0>(a0), Unbox<T1>(a1)));
        };

    private static CompiledCode Entry3<T0, T1, T2, TR>(Func<Interpreter, FunctionValue, int, T0, T1, T2, TR> body, JitFunction fn) =>
        (vm, callee, argBase) =>
        {
            Value a0 = vm.StackAt(argBase), a1 = vm.StackAt(argBase + 1), a2 = vm.StackAt(argBase + 2);
            if (!(Fits<T0>(a0) && Fits<T1>(a1) && Fits<T2>(a2))) return JitRuntime.Fallback(vm, callee, argBase, fn);
            return Result(vm, body(vm, callee, vm.Depth, Unbox<T0>(a0), Unbox<T1>(a1), Unbox<T2>(a2)));
        };

    private static CompiledCode Entry4<T0, T1, T2, T3, TR>(Func<Interpreter, FunctionValue, int, T0, T1, T2, T3, TR> body, JitFunction fn) =>
        (vm, callee, argBase) =>
        {
            Value a0 = vm.StackAt(argBase), a1 = vm.StackAt(argBase + 1), a2 = vm.StackAt(argBase + 2), a3 = vm.StackAt(argBase + 3);
            if (!(Fits<T0>(a0) && Fits<T1>(a1) && Fits<T2>(a2) && Fits<T3>(a3))) return JitRuntime.Fallback(vm, callee, argBase, fn);
            return Result(vm, body(vm, callee, vm.Depth, Unbox<T0>(a0), Unbox<T1>(a1), Unbox<T2>(a2), Unbox<T3>(a3)));
        };

    // T is double, long, bool or Value: each instantiation is specialised, so these typeof tests fold away.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Fits<T>(Value v)
    {
        if (typeof(T) == typeof(double)) return v.Kind == ValueKind.Number;
        if (typeof(T) == typeof(long)) return JitRuntime.IsLong(v);
        return typeof(T) != typeof(bool) || v.Kind == ValueKind.Bool;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Unbox<T>(Value v)
    {
        if (typeof(T) == typeof(double)) return (T)(object)v.Num;
        if (typeof(T) == typeof(long)) return (T)(object)(long)v.Num;
        if (typeof(T) == typeof(bool)) return (T)(object)v.AsBool;
        return (T)(object)v;
    }

    /// <summary>
    /// A boxed body result as is; an unboxed one boxed, unless the call deoptimized and ended with a value of another kind.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Value Result<TR>(Interpreter vm, TR raw)
    {
        if (typeof(TR) == typeof(Value)) return (Value)(object)raw!;
        if (vm.HasPendingReturn) return vm.TakePendingReturn();
        if (typeof(TR) == typeof(long)) return Value.Number((long)(object)raw!);
        return typeof(TR) == typeof(double) ? Value.Number((double)(object)raw!) : Value.Bool((bool)(object)raw!);
    }
}
