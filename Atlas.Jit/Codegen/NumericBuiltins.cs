using System.Linq.Expressions;
using Atlas.Stdlib;
using Atlas.Vm;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Math builtins (<c>sqrt</c>, <c>floor</c>, <c>min</c>, …) whose result, given number arguments, is a number function of
/// them: the stdlib records that function, and compiled code calls it directly on unboxed doubles (an intrinsic such
/// as <c>Math.Sqrt</c> becomes a single instruction). Other arguments still go through the builtin, which raises its
/// own errors; either way the result is a number.
/// </summary>
internal static class NumericBuiltins
{
    /// <summary>The number function behind <paramref name="builtin"/> called with <paramref name="argc"/> arguments, or null.</summary>
    public static Delegate? Find(BuiltinFunction builtin, int argc)
    {
        if (!IsRegistered(builtin)) return null;
        if (argc == 1 && MathBuiltins.UnaryFunctions.TryGetValue(builtin.Name, out var unary)) return unary;
        if (argc == 2 && MathBuiltins.BinaryFunctions.TryGetValue(builtin.Name, out var binary)) return binary;
        return null;
    }

    /// <summary>The registry's own builtin value (the function must be the one the builtin applies).</summary>
    private static bool IsRegistered(BuiltinFunction builtin) =>
        BuiltinRegistry.TryGet(builtin.Name, out var descriptor) && ReferenceEquals(descriptor.Value.Obj, builtin);

    /// <summary>
    /// <c>str(x)</c> of a number: the builtin's own result (<see cref="ValueFormatter.Display"/> of the number, which the
    /// builtin returns for every number) without the value stack and the argument checks a number always passes.
    /// </summary>
    public static bool IsStrOfNumber(BuiltinFunction builtin, int argc) => argc == 1 && builtin.Name == "str" && IsRegistered(builtin);

    /// <summary>
    /// <c>len(x)</c>: its result is always a whole number from 0 to 2^31 − 1 (a count), which compiled code holds as a
    /// long, so that <c>i &lt; len(a)</c> compares longs and bounds <c>i</c> (<see cref="RangeFacts"/>); of an array slot
    /// it is the array's count, read in place.
    /// </summary>
    public static bool IsLen(Value callee, int argc) =>
        argc == 1 && callee.Kind == ValueKind.Builtin && callee.AsBuiltin.Name == "len" && IsRegistered(callee.AsBuiltin);

    /// <summary>
    /// True when a call of the constant <paramref name="callee"/> with <paramref name="argc"/> arguments yields a number (or
    /// fails): a math builtin, or any builtin whose prelude signature, the checker's own, takes that many arguments and
    /// returns <c>number</c> (<c>len</c>, <c>indexOf</c>, <c>random</c>, …). Compiled code keeps such a result unboxed (trust
    /// the checker); the call still deoptimizes if a result of another kind ever arrives.
    /// </summary>
    public static bool ReturnsNumber(Value callee, int argc) =>
        callee.Kind == ValueKind.Builtin && (Find(callee.AsBuiltin, argc) != null || DeclaresNumber(callee.AsBuiltin, argc));

    private static bool DeclaresNumber(BuiltinFunction builtin, int argc) =>
        IsRegistered(builtin) && PreludeSignatures.TryGet(builtin.Name, out var signature)
        && signature.TypeParameters.Count == 0 && signature.Parameters.Count == argc
        && signature.Return.SameAs(Atlas.Semantics.AtlasType.Number);

    /// <summary>
    /// Calls <paramref name="function"/> on unboxed arguments: a direct call for a public static method, else through the delegate.
    /// </summary>
    /// <param name="reference">How the code refers to an object (the delegate, when it is not called directly).</param>
    public static Expression Call(Delegate function, IEnumerable<Expression> args, Func<object, Type, Expression> reference)
    {
        var m = function.Method;
        return function.Target == null && m.IsStatic && m.IsPublic && m.DeclaringType is { IsPublic: true }
            ? Expression.Call(m, args)
            : Expression.Invoke(reference(function, function.GetType()), args);
    }
}
