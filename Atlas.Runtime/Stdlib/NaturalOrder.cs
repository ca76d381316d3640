using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>
/// The ordering of <c>arraySort</c> and <c>sortBy</c> keys: numbers ascending, strings by code point. The spec leaves the
/// order unspecified for NaN and mixed kinds; this total preorder (numbers, then strings, then everything else as
/// equal; NaN first among numbers) keeps the sort well defined there.
/// </summary>
internal static class NaturalOrder
{
    public static int Compare(Value x, Value y)
    {
        int rx = Rank(x), ry = Rank(y);
        if (rx != ry) return rx.CompareTo(ry);
        return x.Kind switch
        {
            ValueKind.Number => x.Num.CompareTo(y.Num),
            ValueKind.String => ScalarText.Compare(x.AsString, y.AsString),
            _ => 0,
        };
    }

    private static int Rank(Value v) => v.Kind switch
    {
        ValueKind.Number => 0,
        ValueKind.String => 1,
        _ => 2,
    };
}
