using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>
/// The methods of language.md §8.5: array methods (<see cref="ArrayMethod"/>) and the json methods as_string, as_number,
/// as_bool and is_null. A method runs only on a receiver of its own kind; the names of the two groups do not overlap.
/// </summary>
internal static class MethodTable
{
    private static readonly BuiltinImpl[] JsonImpls =
        Json.JsonBuiltins.Methods.Values.Select(b => BuiltinRegistry.Get(b).Impl).ToArray();

    /// <summary>The implementation of method <paramref name="name"/>, or null when no receiver kind has it.</summary>
    public static BuiltinImpl? Resolve(string name)
    {
        if (ArrayMethod.All.TryGetValue(name, out var method)) return BuiltinRegistry.Get(method.Builtin).Impl;
        return Json.JsonBuiltins.Methods.TryGetValue(name, out var builtin) ? BuiltinRegistry.Get(builtin).Impl : null;
    }

    /// <summary>The receiver kind a resolved method runs on (json for the four json methods, array otherwise).</summary>
    public static ValueKind ReceiverKind(BuiltinImpl impl)
    {
        foreach (var j in JsonImpls)
            if (ReferenceEquals(j, impl)) return ValueKind.Json;
        return ValueKind.Array;
    }
}
