namespace Atlas.Vm;

/// <summary>Atlas <c>==</c> (language.md §9.3 and README decision 17).</summary>
/// <remarks>
/// Values nest arbitrarily deep (a loop can wrap an array in another a million times), so containers are compared
/// with an explicit work list rather than recursion, which would overflow the .NET stack of the host thread.
/// </remarks>
internal static class ValueEquality
{
    /// <summary><see cref="AreEqual"/> with a right operand known to be a number.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool EqualsNumber(Value a, double b) => a.Kind == ValueKind.Number && a.Num == b;

    public static bool AreEqual(Value a, Value b)
    {
        if (a.Kind != b.Kind) return false;
        if (a.Kind < ValueKind.Array || a.Kind is ValueKind.Function or ValueKind.Builtin) return LeafEqual(a, b);
        var pending = new Stack<(Value, Value)>();
        pending.Push((a, b));
        while (pending.TryPop(out var pair))
            if (!ShallowEqual(pair.Item1, pair.Item2, pending)) return false;
        return true;
    }

    /// <summary>Values without components: numbers, bools, null, strings, functions and builtins.</summary>
    private static bool LeafEqual(Value a, Value b)
    {
        switch (a.Kind)
        {
            case ValueKind.Number: return a.Num == b.Num;
            case ValueKind.Bool: return a.Num == b.Num;
            case ValueKind.Null: return true;
            case ValueKind.Undefined: return true;
            case ValueKind.String: return string.Equals(a.AsString, b.AsString, StringComparison.Ordinal);
            case ValueKind.Function:
            {
                var x = a.AsFunction; var y = b.AsFunction;
                return ReferenceEquals(x, y) || (x.Proto == y.Proto && x.Upvalues.Length == 0 && y.Upvalues.Length == 0);
            }
            case ValueKind.Builtin: return a.AsBuiltin.Name == b.AsBuiltin.Name;
            case ValueKind.Json: return a.AsJson.Equals(b.AsJson);
            default: return false;
        }
    }

    /// <summary>Compares kinds and everything but nested containers, which are queued on <paramref name="pending"/>.</summary>
    private static bool ShallowEqual(Value a, Value b, Stack<(Value, Value)> pending)
    {
        if (a.Kind != b.Kind) return false;
        switch (a.Kind)
        {
            case ValueKind.Array:
            {
                // The same array compared with itself is still subject to NaN != NaN.
                var x = a.AsArray; var y = b.AsArray;
                if (x.Count != y.Count) return false;
                for (int i = 0; i < x.Count; i++)
                    if (!Component(x.Get(i), y.Get(i), pending)) return false;
                return true;
            }
            case ValueKind.Option:
            {
                var x = a.AsOption; var y = b.AsOption;
                return x.IsSome == y.IsSome && (!x.IsSome || Component(x.Payload, y.Payload, pending));
            }
            case ValueKind.Result:
            {
                var x = a.AsResult; var y = b.AsResult;
                return x.IsOk == y.IsOk && Component(x.Payload, y.Payload, pending);
            }
            case ValueKind.HashMap:
            {
                var x = a.AsMap; var y = b.AsMap;
                if (x.Count != y.Count) return false;
                foreach (var kv in x.Entries)
                    if (!y.Entries.TryGetValue(kv.Key, out var other) || !Component(kv.Value, other, pending)) return false;
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
                for (int i = 0; i < x.Count; i++)
                    if (!Component(x.Items[x.Head + i], y.Items[y.Head + i], pending)) return false;
                return true;
            }
            case ValueKind.Stack:
            {
                var x = a.AsStack; var y = b.AsStack;
                if (x.Count != y.Count) return false;
                for (int i = 0; i < x.Count; i++)
                    if (!Component(x.Items[i], y.Items[i], pending)) return false;
                return true;
            }
            default:
                return LeafEqual(a, b);
        }
    }

    /// <summary>Leaves are compared now (an early mismatch needs no allocation); containers later.</summary>
    private static bool Component(Value a, Value b, Stack<(Value, Value)> pending)
    {
        if (a.Kind != b.Kind) return false;
        if (a.Kind < ValueKind.Array || a.Kind is ValueKind.Function or ValueKind.Builtin) return LeafEqual(a, b);
        pending.Push((a, b));
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
