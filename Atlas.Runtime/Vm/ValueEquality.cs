namespace Atlas.Vm;

/// <summary>Atlas <c>==</c> (language.md §9.3 and README decision 17).</summary>
public static class ValueEquality
{
    /// <summary><see cref="AreEqual"/> with a right operand known to be a number.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool EqualsNumber(Value a, double b) => a.Kind == ValueKind.Number && a.Num == b;

    public static bool AreEqual(Value a, Value b)
    {
        if (a.Kind != b.Kind) return false;
        switch (a.Kind)
        {
            case ValueKind.Number: return a.Num == b.Num;
            case ValueKind.Bool: return a.Num == b.Num;
            case ValueKind.Null: return true;
            case ValueKind.Undefined: return true;
            case ValueKind.String: return string.Equals(a.AsString, b.AsString, StringComparison.Ordinal);
            case ValueKind.Array:
            {
                var x = a.AsArray; var y = b.AsArray;
                if (ReferenceEquals(x, y)) return AllSelfEqual(x);
                if (x.Count != y.Count) return false;
                for (int i = 0; i < x.Count; i++) if (!AreEqual(x.Items[i], y.Items[i])) return false;
                return true;
            }
            case ValueKind.Option:
            {
                var x = a.AsOption; var y = b.AsOption;
                return x.IsSome == y.IsSome && (!x.IsSome || AreEqual(x.Payload, y.Payload));
            }
            case ValueKind.Result:
            {
                var x = a.AsResult; var y = b.AsResult;
                return x.IsOk == y.IsOk && AreEqual(x.Payload, y.Payload);
            }
            case ValueKind.Function:
            {
                var x = a.AsFunction; var y = b.AsFunction;
                return ReferenceEquals(x, y) || (x.Proto == y.Proto && x.Upvalues.Length == 0 && y.Upvalues.Length == 0);
            }
            case ValueKind.Builtin: return a.AsBuiltin.Name == b.AsBuiltin.Name;
            case ValueKind.HashMap:
            {
                var x = a.AsMap; var y = b.AsMap;
                if (x.Count != y.Count) return false;
                foreach (var kv in x.Entries)
                    if (!y.Entries.TryGetValue(kv.Key, out var other) || !AreEqual(kv.Value, other)) return false;
                return true;
            }
            case ValueKind.HashSet:
            {
                var x = a.AsSet; var y = b.AsSet;
                return x.Count == y.Count && x.Items.Keys.All(y.Items.ContainsKey);
            }
            case ValueKind.Queue:
            {
                var x = a.AsQueue; var y = b.AsQueue;
                if (x.Count != y.Count) return false;
                for (int i = 0; i < x.Count; i++) if (!AreEqual(x.Items[x.Head + i], y.Items[y.Head + i])) return false;
                return true;
            }
            case ValueKind.Stack:
            {
                var x = a.AsStack; var y = b.AsStack;
                return x.Count == y.Count && x.Items.Zip(y.Items).All(p => AreEqual(p.First, p.Second));
            }
            default: return false;
        }
    }

    // The same array compared with itself is still subject to NaN != NaN.
    private static bool AllSelfEqual(AtlasArray a)
    {
        for (int i = 0; i < a.Count; i++) if (!AreEqual(a.Items[i], a.Items[i])) return false;
        return true;
    }

    public static int Hash(Value v) => v.Kind switch
    {
        ValueKind.Number => v.Num.GetHashCode(),
        ValueKind.String => StringComparer.Ordinal.GetHashCode(v.AsString),
        ValueKind.Bool => v.Num.GetHashCode(),
        _ => (int)v.Kind,
    };
}
