using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>
/// Argument validation shared by the builtin groups; each throws the class-A or class-T error stdlib.md §0.1 prescribes.
/// </summary>
internal static class ArgCheck
{
    /// <summary>Class-A arity check: <c>NAME(): expected N argument(s), got M</c>.</summary>
    public static void Arity(string name, Args args, int expected)
    {
        // The message is built out of line so that this check inlines into every builtin.
        if (args.Count != expected) throw ArityError(name, expected, args.Count);
    }

    private static AtlasRuntimeException ArityError(string name, int expected, int got) =>
        AtlasRuntimeException.Stdlib($"{name}(): expected {expected} argument(s), got {got}");

    /// <summary>Class-A kind error: <c>NAME(): expected WHAT, got TYPE</c>.</summary>
    public static AtlasRuntimeException Expected(string name, string what, Value got) =>
        AtlasRuntimeException.Stdlib($"{name}(): expected {what}, got {ValueFormatter.TypeName(got)}");

    public static string String(string name, Value v) => v.IsString ? v.AsString : throw Expected(name, "string", v);

    public static double Number(string name, Value v) => v.IsNumber ? v.Num : throw Expected(name, "number", v);

    public static AtlasArray Array(string name, Value v) => v.IsArray ? v.AsArray : throw Expected(name, "array", v);

    /// <summary>User functions, closures and builtins are all callable (stdlib.md §0.5).</summary>
    public static bool IsCallable(Value v) => v.Kind is ValueKind.Function or ValueKind.Builtin;

    /// <summary>A finite whole number (Rust's <c>x.fract() == 0.0</c>, which is false for NaN and infinities).</summary>
    public static bool IsInteger(double d) => double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary>Class-T arity check of the higher-order builtins: <c>map() expects 2 arguments (array, callback)</c>.</summary>
    public static void CallbackArity(string name, Args args, int expected, string parameterList)
    {
        if (args.Count != expected)
            throw AtlasRuntimeException.Type($"{name}() expects {expected} arguments ({parameterList})");
    }

    /// <summary>The second argument of a higher-order builtin must be callable: <c>NAME() second argument must be function</c>.</summary>
    public static Value Callback(string name, Value v) =>
        IsCallable(v) ? v : throw AtlasRuntimeException.Type($"{name}() second argument must be function");

    /// <summary>A predicate's result must be a bool: <c>NAME() predicate must return bool</c>.</summary>
    public static bool PredicateResult(string name, Value result) =>
        result.IsBool ? result.AsBool : throw AtlasRuntimeException.Type($"{name}() predicate must return bool");

    /// <summary>
    /// Guards builtins that build long strings from a count (padStart, repeat): past 2^28 characters (512 MB) the run
    /// stops with AT0011 instead of the process dying of OutOfMemoryException.
    /// </summary>
    public static int CheckedLength(double length)
    {
        SizeLimits.CheckString((long)Math.Min(length, long.MaxValue));
        return (int)length;
    }
}
