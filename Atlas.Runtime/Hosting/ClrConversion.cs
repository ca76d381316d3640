using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// Conversions for one .NET type used by host functions, built once per type: direct for double, string and bool
/// (the common case in hot code), through <see cref="ValueConversion"/> for the rest.
/// </summary>
internal static class ClrConversion<T>
{
    /// <summary>The Atlas type of <typeparamref name="T"/>, or null when it has none.</summary>
    public static readonly AtlasType? Type = ClrTypes.AtlasTypeOf(typeof(T));

    /// <summary>Whether every .NET value of the type fits <see cref="Type"/> (no null, no element to check).</summary>
    public static readonly bool AlwaysFits = typeof(T) == typeof(double) || typeof(T) == typeof(bool) || Type is { IsUnknown: true }
        || typeof(T) == typeof(int) || typeof(T) == typeof(long) || typeof(T) == typeof(float);

    /// <summary>Reads an argument; throws <see cref="InvalidCastException"/> when it does not fit.</summary>
    public static readonly Func<Value, T> FromValue = CreateFrom();

    public static readonly Func<T, Value> ToValue = CreateTo();

    private static Func<Value, T> CreateFrom()
    {
        if (typeof(T) == typeof(double))
            return (Func<Value, T>)(object)new Func<Value, double>(v => v.Kind == ValueKind.Number ? v.Num : throw ValueConversion.Mismatch("number", v));
        if (typeof(T) == typeof(string))
            return (Func<Value, T>)(object)new Func<Value, string>(v => v.Kind == ValueKind.String ? v.AsString : throw ValueConversion.Mismatch("string", v));
        if (typeof(T) == typeof(bool))
            return (Func<Value, T>)(object)new Func<Value, bool>(v => v.Kind == ValueKind.Bool ? v.AsBool : throw ValueConversion.Mismatch("bool", v));
        return v => (T)ValueConversion.ToClr(v, typeof(T))!;
    }

    private static Func<T, Value> CreateTo()
    {
        if (typeof(T) == typeof(double)) return (Func<T, Value>)(object)new Func<double, Value>(Value.Number);
        if (typeof(T) == typeof(bool)) return (Func<T, Value>)(object)new Func<bool, Value>(Value.Bool);
        return x => ValueConversion.FromObject(x);
    }
}
