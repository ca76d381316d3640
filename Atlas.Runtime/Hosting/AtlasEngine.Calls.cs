using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Hosting;

public sealed partial class AtlasEngine
{
    /// <summary>
    /// Calls the top-level function <paramref name="name"/> (a script's or a host's) with .NET arguments, under the
    /// engine's limits, and returns its result in .NET form. The arguments must fit the function's parameter types.
    /// A host function may call back this way while a script runs.
    /// </summary>
    /// <exception cref="ArgumentException">No function has that name, or the arguments do not fit it.</exception>
    public object? Call(string name, params object?[] args) => ValueConversion.ToObject(CallValue(name, args));

    /// <summary>Calls the top-level function <paramref name="name"/> and returns its result as <typeparamref name="T"/>.</summary>
    public T Call<T>(string name, params object?[] args) => ValueConversion.ToClr<T>(CallValue(name, args));

    /// <summary>Calls a function value a script gave to .NET and returns its result in .NET form.</summary>
    public object? Call(AtlasFunction function, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(args);
        return ValueConversion.ToObject(Locked(() => Invoke(function.Value, null, function.Name, args)));
    }

    /// <summary>Calls the top-level function <paramref name="name"/> and returns its result as an Atlas value.</summary>
    public Value CallValue(string name, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(args);
        return Locked(() =>
        {
            if (!_session.TryGetGlobal(name, out var symbol, out var callee) || callee.Kind is not (ValueKind.Function or ValueKind.Builtin))
                throw new ArgumentException($"'{name}' is not a function", nameof(name));
            return Invoke(callee, symbol.Type as FunctionType, name, args);
        });
    }

    /// <summary>
    /// Converts and checks the arguments, then calls. Compiled code trusts parameter types, so a value the checker
    /// would have refused is refused here too: deeply against the declared type where the name gives one, by kind
    /// against the prototype's parameter types otherwise (a host function checks its own arguments).
    /// </summary>
    private Value Invoke(Value callee, FunctionType? type, string name, object?[] args)
    {
        var values = args.Select(ValueConversion.FromObject).ToArray();
        var proto = callee.Kind == ValueKind.Function ? callee.AsFunction.Proto : null;
        int arity = type?.Parameters.Count ?? proto?.Arity ?? values.Length;
        if (values.Length != arity) throw new ArgumentException($"{name} takes {arity} arguments, not {values.Length}", nameof(args));
        for (int i = 0; i < values.Length; i++)
        {
            bool fits = type != null ? ValueTypes.Fits(values[i], type.Parameters[i]) : proto == null || ValueTypes.Fits(values[i], proto.LocalTypes[i]);
            if (!fits)
                throw new ArgumentException(
                    $"argument {i + 1} of {name} is a {ValueTypes.Of(values[i]).Display}, which does not fit {ExpectedType(type, proto, i)}", nameof(args));
        }
        if (!_session.OnScriptThread) ApplyLimits();
        var result = _session.Invoke(callee, values);
        return result.Kind == ValueKind.Undefined ? Value.Null : result.Share();
    }

    private static string ExpectedType(FunctionType? type, Bytecode.FunctionProto? proto, int i) =>
        type != null ? type.Parameters[i].Display : proto!.LocalTypes[i] == Bytecode.StaticType.NumberArray ? "number[]"
            : proto.LocalTypes[i].ToString().ToLowerInvariant();
}
