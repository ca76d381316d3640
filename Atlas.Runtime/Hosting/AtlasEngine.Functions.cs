using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// Host functions: .NET delegates scripts call like Atlas functions, type-checked with the Atlas types of their .NET
/// parameter and return types (double, float, int, long → number; string; bool; arrays and lists → T[]; object and
/// <see cref="Value"/> → <c>?</c>; see docs/embedding.md). The raw form takes the interpreter and the argument values
/// and declares its Atlas signature itself.
/// </summary>
public sealed partial class AtlasEngine
{
    /// <summary>Registers a host function of 0 arguments; its Atlas type follows the .NET types.</summary>
    public void RegisterFunction<TResult>(string name, Func<TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = new FunctionType([], AtlasTypeOf<TResult>());
        Register(name, type, (_, a) => ClrConversion<TResult>.ToValue(function()), ClrConversion<TResult>.AlwaysFits);
    }

    /// <summary>Registers a host function of 1 argument; its Atlas type follows the .NET types.</summary>
    public void RegisterFunction<T1, TResult>(string name, Func<T1, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = new FunctionType([AtlasTypeOf<T1>()], AtlasTypeOf<TResult>());
        Register(name, type, (_, a) => ClrConversion<TResult>.ToValue(function(ClrConversion<T1>.FromValue(a[0]))), ClrConversion<TResult>.AlwaysFits);
    }

    /// <summary>Registers a host function of 2 arguments; its Atlas type follows the .NET types.</summary>
    public void RegisterFunction<T1, T2, TResult>(string name, Func<T1, T2, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = new FunctionType([AtlasTypeOf<T1>(), AtlasTypeOf<T2>()], AtlasTypeOf<TResult>());
        Register(name, type, (_, a) => ClrConversion<TResult>.ToValue(function(ClrConversion<T1>.FromValue(a[0]), ClrConversion<T2>.FromValue(a[1]))), ClrConversion<TResult>.AlwaysFits);
    }

    /// <summary>Registers a host function of 3 arguments; its Atlas type follows the .NET types.</summary>
    public void RegisterFunction<T1, T2, T3, TResult>(string name, Func<T1, T2, T3, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = new FunctionType([AtlasTypeOf<T1>(), AtlasTypeOf<T2>(), AtlasTypeOf<T3>()], AtlasTypeOf<TResult>());
        Register(name, type, (_, a) => ClrConversion<TResult>.ToValue(function(ClrConversion<T1>.FromValue(a[0]), ClrConversion<T2>.FromValue(a[1]), ClrConversion<T3>.FromValue(a[2]))), ClrConversion<TResult>.AlwaysFits);
    }

    /// <summary>Registers a host function of 4 arguments; its Atlas type follows the .NET types.</summary>
    public void RegisterFunction<T1, T2, T3, T4, TResult>(string name, Func<T1, T2, T3, T4, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = new FunctionType([AtlasTypeOf<T1>(), AtlasTypeOf<T2>(), AtlasTypeOf<T3>(), AtlasTypeOf<T4>()], AtlasTypeOf<TResult>());
        Register(name, type, (_, a) => ClrConversion<TResult>.ToValue(function(ClrConversion<T1>.FromValue(a[0]), ClrConversion<T2>.FromValue(a[1]), ClrConversion<T3>.FromValue(a[2]), ClrConversion<T4>.FromValue(a[3]))), ClrConversion<TResult>.AlwaysFits);
    }

    /// <summary>Registers a host procedure of 0 arguments (Atlas return type <c>void</c>).</summary>
    public void RegisterFunction(string name, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var type = new FunctionType([], AtlasType.Void);
        Register(name, type, (_, a) =>
        {
            action();
            return Value.Null;
        }, resultAlwaysFits: true);
    }

    /// <summary>Registers a host procedure of 1 argument (Atlas return type <c>void</c>).</summary>
    public void RegisterFunction<T1>(string name, Action<T1> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var type = new FunctionType([AtlasTypeOf<T1>()], AtlasType.Void);
        Register(name, type, (_, a) =>
        {
            action(ClrConversion<T1>.FromValue(a[0]));
            return Value.Null;
        }, resultAlwaysFits: true);
    }

    /// <summary>Registers a host procedure of 2 arguments (Atlas return type <c>void</c>).</summary>
    public void RegisterFunction<T1, T2>(string name, Action<T1, T2> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var type = new FunctionType([AtlasTypeOf<T1>(), AtlasTypeOf<T2>()], AtlasType.Void);
        Register(name, type, (_, a) =>
        {
            action(ClrConversion<T1>.FromValue(a[0]), ClrConversion<T2>.FromValue(a[1]));
            return Value.Null;
        }, resultAlwaysFits: true);
    }

    /// <summary>Registers a host procedure of 3 arguments (Atlas return type <c>void</c>).</summary>
    public void RegisterFunction<T1, T2, T3>(string name, Action<T1, T2, T3> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var type = new FunctionType([AtlasTypeOf<T1>(), AtlasTypeOf<T2>(), AtlasTypeOf<T3>()], AtlasType.Void);
        Register(name, type, (_, a) =>
        {
            action(ClrConversion<T1>.FromValue(a[0]), ClrConversion<T2>.FromValue(a[1]), ClrConversion<T3>.FromValue(a[2]));
            return Value.Null;
        }, resultAlwaysFits: true);
    }

    /// <summary>Registers a host procedure of 4 arguments (Atlas return type <c>void</c>).</summary>
    public void RegisterFunction<T1, T2, T3, T4>(string name, Action<T1, T2, T3, T4> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var type = new FunctionType([AtlasTypeOf<T1>(), AtlasTypeOf<T2>(), AtlasTypeOf<T3>(), AtlasTypeOf<T4>()], AtlasType.Void);
        Register(name, type, (_, a) =>
        {
            action(ClrConversion<T1>.FromValue(a[0]), ClrConversion<T2>.FromValue(a[1]), ClrConversion<T3>.FromValue(a[2]), ClrConversion<T4>.FromValue(a[3]));
            return Value.Null;
        }, resultAlwaysFits: true);
    }

    /// <summary>
    /// Registers a raw host function: <paramref name="signature"/> is its Atlas type as a script would write it
    /// (<c>"(number[], (number) -> number) -> number[]"</c>); <paramref name="implementation"/> gets the interpreter
    /// (to call Atlas function values back with <see cref="Interpreter.Invoke"/>) and the arguments.
    /// </summary>
    internal void RegisterFunction(string name, string signature, BuiltinImpl implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        RefuseOnScriptThread(nameof(RegisterFunction));
        FunctionType type;
        lock (_gate)
            type = ParseType(signature) as FunctionType ?? throw new ArgumentException($"'{signature}' is not a function type", nameof(signature));
        Register(name, type, implementation, resultAlwaysFits: false);
    }

    /// <summary>Registers a raw host function with its Atlas type given as an <see cref="AtlasType"/>.</summary>
    internal void RegisterFunction(string name, FunctionType type, BuiltinImpl implementation)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(implementation);
        Register(name, type, implementation, resultAlwaysFits: false);
    }

    private void Register(string name, FunctionType type, BuiltinImpl implementation, bool resultAlwaysFits)
    {
        ArgumentNullException.ThrowIfNull(name);
        RefuseOnScriptThread(nameof(RegisterFunction));
        var builtin = HostFunction.Create(name, type, implementation, resultAlwaysFits);
        lock (_gate) _session.DefineGlobal(name, type, Value.Builtin(builtin), mutable: false);
    }

    private static AtlasType AtlasTypeOf<T>() =>
        ClrConversion<T>.Type ?? throw new ArgumentException($"{typeof(T).Name} has no Atlas type; register the function in its raw form instead");
}
