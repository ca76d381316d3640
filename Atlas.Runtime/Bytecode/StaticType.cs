using Atlas.Semantics;

namespace Atlas.Bytecode;

/// <summary>
/// The static type of a parameter, local or return value as recorded in a prototype. A JIT may emit unboxed code for
/// Number and Bool, but must guard values that enter from untyped code (arguments, call results): the checker lets
/// values of type <c>?</c> flow into typed variables.
/// </summary>
internal enum StaticType : byte
{
    Any,
    Number,
    Bool,
    String,
    Null,
    Void,
    Array,
    /// <summary>An array the checker typed <c>number[]</c>: compiled code speculates that its elements are numbers.</summary>
    NumberArray,
    Function,
    Option,
    Result,
    Collection,
}

/// <summary>Maps checker types to prototype static types.</summary>
internal static class StaticTypes
{
    public static StaticType From(AtlasType? t) => t switch
    {
        null => StaticType.Any,
        _ when ReferenceEquals(t, AtlasType.Number) => StaticType.Number,
        _ when ReferenceEquals(t, AtlasType.Bool) => StaticType.Bool,
        _ when ReferenceEquals(t, AtlasType.String) => StaticType.String,
        _ when ReferenceEquals(t, AtlasType.Null) => StaticType.Null,
        _ when ReferenceEquals(t, AtlasType.Void) => StaticType.Void,
        ArrayType { Element: var e } when ReferenceEquals(e, AtlasType.Number) => StaticType.NumberArray,
        ArrayType => StaticType.Array,
        FunctionType => StaticType.Function,
        GenericType { Name: "Option" } => StaticType.Option,
        GenericType { Name: "Result" } => StaticType.Result,
        GenericType { Name: "HashMap" or "HashSet" } => StaticType.Collection,
        _ => StaticType.Any,
    };
}
