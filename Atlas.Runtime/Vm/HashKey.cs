namespace Atlas.Vm;

/// <summary>
/// A hashable value used as a map key or set element: number, string, bool or null (stdlib.md §7).
/// Numbers compare by value with NaN equal to NaN and 0 equal to -0; kinds never collide.
/// </summary>
internal readonly struct HashKey : IEquatable<HashKey>
{
    public Value Value { get; }

    public HashKey(Value value) => Value = value;

    public static bool IsHashable(Value v) => v.Kind is ValueKind.Number or ValueKind.String or ValueKind.Bool or ValueKind.Null;

    public bool Equals(HashKey other)
    {
        var a = Value;
        var b = other.Value;
        if (a.Kind != b.Kind) return false;
        return a.Kind switch
        {
            ValueKind.Number => a.Num == b.Num || (double.IsNaN(a.Num) && double.IsNaN(b.Num)),
            ValueKind.String => string.Equals(a.AsString, b.AsString, StringComparison.Ordinal),
            ValueKind.Bool => a.Num == b.Num,
            _ => true,
        };
    }

    public override bool Equals(object? obj) => obj is HashKey k && Equals(k);

    public override int GetHashCode() => Value.Kind switch
    {
        ValueKind.Number => Value.Num == 0 ? 0 : double.IsNaN(Value.Num) ? 1 : Value.Num.GetHashCode(),
        ValueKind.String => StringComparer.Ordinal.GetHashCode(Value.AsString),
        ValueKind.Bool => Value.Num == 0 ? 2 : 3,
        _ => 4,
    };
}
