using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Atlas.Vm;

/// <summary>
/// The semantics of every operator, shared by the interpreter and the JIT so both tiers behave identically
/// (language.md §8.2, §10, §13.4). Throw helpers are deliberately not NoInlining: the .NET JIT then sees the
/// call never returns and keeps doubles in registers on the hot path.
/// </summary>
internal static class ValueOps
{
    // ---- numbers ----

    /// <summary>
    /// <paramref name="r"/>, or AT0007 when it is ±∞ or NaN. The finiteness test is written out rather than
    /// <see cref="double.IsFinite"/>: the interpreter runs as ReadyToRun code, which cannot inline methods of
    /// System.Private.CoreLib (outside its version bubble), so that was a call after every + - * / there; and not as a
    /// helper of its own, because every inline level counts against the interpreter loop's inlining budget.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Checked(double r)
    {
        if ((BitConverter.DoubleToInt64Bits(r) & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L) ThrowInvalidNumeric();
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddNumbers(double a, double b) => Checked(a + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SubNumbers(double a, double b) => Checked(a - b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MulNumbers(double a, double b) => Checked(a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double DivNumbers(double a, double b)
    {
        if (b == 0) ThrowDivideByZero();
        return Checked(a / b);
    }

    /// <summary>Truncating remainder. Whole operands that fit in a long take an integer path: double % is a slow fmod call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ModNumbers(double a, double b)
    {
        if (b == 0) ThrowDivideByZero();
        if (a >= -9.0e15 && a <= 9.0e15 && b >= -9.0e15 && b <= 9.0e15)
        {
            long la = (long)a, lb = (long)b;
            if (la == a && lb == b)
            {
                long r = la % lb;
                // fmod keeps the dividend's sign on a zero result (-4 % 2 and -0 % 5 are -0): the sign bit, which -0 has.
                return r == 0 && BitConverter.DoubleToInt64Bits(a) < 0 ? -0.0 : r;
            }
        }
        return Checked(a % b);
    }

    // ---- generic (boxed) operators ----

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not ReadyToRun: see StringRope.Concat
    public static Value Add(Value a, Value b)
    {
        if (a.Kind == ValueKind.Number && b.Kind == ValueKind.Number) return Value.Number(AddNumbers(a.Num, b.Num));
        if (a.Kind == ValueKind.String && b.Kind == ValueKind.String) return StringRope.Concat(a, b);
        throw AtlasRuntimeException.Type("Invalid operands for +");
    }

    public static Value Sub(Value a, Value b) => Value.Number(SubNumbers(Num(a, b, "Expected numbers"), b.Num));
    public static Value Mul(Value a, Value b) => Value.Number(MulNumbers(Num(a, b, "Expected numbers"), b.Num));
    public static Value Div(Value a, Value b) => Value.Number(DivNumbers(Num(a, b, "Expected numbers for /"), b.Num));
    public static Value Mod(Value a, Value b) => Value.Number(ModNumbers(Num(a, b, "Expected numbers for %"), b.Num));

    public static Value Negate(Value a)
    {
        if (a.Kind != ValueKind.Number) throw AtlasRuntimeException.Type("Expected number for -");
        return Value.Number(-a.Num);
    }

    public static Value Not(Value a)
    {
        if (a.Kind != ValueKind.Bool) throw AtlasRuntimeException.Type("Expected bool for !");
        return Value.Bool(a.Num == 0);
    }

    public static bool Less(Value a, Value b) => Num(a, b, "Expected numbers for comparison") < b.Num;
    public static bool LessEqual(Value a, Value b) => Num(a, b, "Expected numbers for comparison") <= b.Num;
    public static bool Greater(Value a, Value b) => Num(a, b, "Expected numbers for comparison") > b.Num;
    public static bool GreaterEqual(Value a, Value b) => Num(a, b, "Expected numbers for comparison") >= b.Num;

    public static bool Equal(Value a, Value b) => ValueEquality.AreEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Num(Value a, Value b, string message)
    {
        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number) ThrowType(message);
        return a.Num;
    }

    /// <summary>The checks of CheckBool (&amp;&amp; / ||), CheckNumber (compound, ++, --) and friends.</summary>
    public static void RequireBool(Value v, int which)
    {
        if (v.Kind != ValueKind.Bool) ThrowType(which == 0 ? "Expected bool for &&" : "Expected bool for ||");
    }

    // ---- indexing ----

    /// <summary>Validates an array index (language.md §10.3) and returns it as an int.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index(double d, int count) => TryIndex(d, count, out int i) ? i : IndexChecked(d, count);

    /// <summary>
    /// The fast case of <see cref="Index(double, int)"/>: a whole number inside the bounds converts to itself. NaN, ±∞
    /// and out-of-range values convert to something else, fractions truncate, negatives fail the unsigned compare, and
    /// -0 is 0. The native conversion (one instruction) is enough because the result is checked against the input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryIndex(double d, int count, out int i)
    {
        i = TruncateUnchecked(d);
        return (uint)i < (uint)count && i == d;
    }

    /// <summary>
    /// <paramref name="d"/> truncated to an int when it is in range, otherwise any int: for callers that compare the result
    /// with <paramref name="d"/> (so NaN, ±∞ and out-of-range values fail that test). One instruction on x64: the SSE2
    /// conversion, which is what <c>double.ConvertToIntegerNative</c> compiles to, but that method is a call in
    /// ReadyToRun code (see <see cref="Checked"/>); the C# conversion saturates, which takes six instructions on x64 and is
    /// the native one elsewhere.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TruncateUnchecked(double d) =>
        Sse2.IsSupported ? Sse2.ConvertToInt32WithTruncation(Vector128.CreateScalarUnsafe(d)) : (int)d;

    private static int IndexChecked(double d, int count)
    {
        // Negative, fractional, NaN and infinite indices are invalid; -0 counts as 0.
        if (!(d >= 0) || d != Math.Floor(d) || double.IsInfinity(d)) ThrowInvalidIndex();
        if (d >= count) ThrowOutOfBounds();
        return (int)d;
    }

    public static int Index(Value i, int count)
    {
        if (i.Kind != ValueKind.Number) ThrowInvalidIndex();
        return Index(i.Num, count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // the slow path: kept out of the interpreter loop's inlining budget
    public static Value GetIndex(Value target, Value index)
    {
        if (target.Kind == ValueKind.Array)
        {
            if (index.Kind != ValueKind.Number) ThrowInvalidIndex();
            return target.AsArray.Read(index.Num);
        }
        if (target.Kind == ValueKind.String)
        {
            // Only reachable with ?-typed code: a string index yields that scalar, like charAt.
            var s = target.AsString;
            int i = Index(index, Stdlib.ScalarText.Count(s));
            // Substring, not Rune.GetRuneAt, which throws on a lone surrogate (a host can pass one in source text).
            int at = Stdlib.ScalarText.ToUtf16Index(s, i);
            return Value.String(s.Substring(at, Stdlib.ScalarText.IsPairAt(s, at) ? 2 : 1));
        }
        if (target.Kind == ValueKind.Json) return Value.Json(JsonIndex(target.AsJson, index));
        throw AtlasRuntimeException.Type("Cannot index non-array/string/json");
    }

    /// <summary>json indexing never fails (stdlib.md §9.1): a missing field or element is json null.</summary>
    private static AtlasJson JsonIndex(AtlasJson json, Value index) => index.Kind switch
    {
        ValueKind.String => json.Field(index.AsString),
        ValueKind.Number => json.Element(index.Num),
        _ => throw AtlasRuntimeException.Type("JSON index must be string or number"),
    };

    /// <summary>
    /// GetIndex with a number index: arrays through <see cref="AtlasArray.Read"/>, others through <see cref="GetIndex"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value GetElement(Value target, double index) =>
        target.Kind == ValueKind.Array ? target.AsArray.Read(index) : GetIndexOther(target, index);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Value GetIndexOther(Value target, double index) => GetIndex(target, Value.Number(index));

    /// <summary>
    /// SetIndex with a number index: [t i v] → t with element i replaced, through <see cref="AtlasArray.Write"/> (in place
    /// when t is unshared); a non-array target fails in <see cref="SetIndex"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Value SetElement(Value target, double index, Value value)
    {
        if (target.Kind != ValueKind.Array) return SetIndex(target, Value.Number(index), value);
        var a = target.AsArray;
        var w = a.Write(index, value);
        return ReferenceEquals(w, a) ? target : Value.Array(w);
    }

    /// <summary>SetIndex: [t i v] → t with element i replaced (copy-on-write, see <see cref="AtlasArray.Write"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // the slow path: kept out of the interpreter loop's inlining budget
    public static Value SetIndex(Value target, Value index, Value value)
    {
        if (target.Kind != ValueKind.Array)
            throw AtlasRuntimeException.Type($"Cannot index-assign to type '{ValueFormatter.TypeName(target)}'");
        if (index.Kind != ValueKind.Number) ThrowInvalidIndex();
        return SetElement(target, index.Num, value);
    }

    public static Value GetArrayLength(Value v) => Value.Number(v.AsArray.Count);

    // ---- Option / Result / arrays (the opcodes of match, ? and for-in) ----

    public static bool IsSome(Value v) => v.Kind == ValueKind.Option && v.AsOption.IsSome;
    public static bool IsNone(Value v) => v.Kind == ValueKind.Option && !v.AsOption.IsSome;
    public static bool IsOk(Value v) => v.Kind == ValueKind.Result && v.AsResult.IsOk;
    public static bool IsErr(Value v) => v.Kind == ValueKind.Result && !v.AsResult.IsOk;
    // The compiler emits the next three only after a test of the kind (IsOptionSome, IsResultOk, IsArray, CheckIterable),
    // but the validator does not track kinds: on hand-built bytecode they must fail as Atlas errors, not as casts.
    public static Value OptionPayload(Value v) =>
        v.Kind == ValueKind.Option
            ? v.AsOption.Payload.Share()
            : throw AtlasRuntimeException.Type($"Expected Option, found {ValueFormatter.TypeName(v)}");
    public static Value ResultPayload(Value v) =>
        v.Kind == ValueKind.Result
            ? v.AsResult.Payload.Share()
            : throw AtlasRuntimeException.Type($"Expected Result, found {ValueFormatter.TypeName(v)}");
    public static int ArrayLength(Value v) =>
        v.Kind == ValueKind.Array
            ? v.AsArray.Count
            : throw AtlasRuntimeException.Type($"Expected array, found {ValueFormatter.TypeName(v)}");

    /// <summary>CheckResult: the operand of <c>?</c> must be a Result.</summary>
    public static void RequireResult(Value v)
    {
        if (v.Kind != ValueKind.Result) ThrowType("? operator requires Result<T, E> type");
    }

    /// <summary>The item of an item-returning write-back builtin's raw [item, collection] result (UnpackPair).</summary>
    public static Value PairItem(Value pair) => Pair(pair).Items[0];
    /// <summary>The updated collection of such a result.</summary>
    public static Value PairCollection(Value pair) => Pair(pair).Items[1];

    private static AtlasArray Pair(Value pair) =>
        pair.Kind == ValueKind.Array && pair.AsArray.Count == 2
            ? pair.AsArray
            : throw AtlasRuntimeException.Type("Expected an [item, collection] pair");

    /// <summary>A new array of the first <paramref name="count"/> values of <paramref name="items"/> (which it takes over).</summary>
    public static Value MakeArray(Value[] items, int count) => Value.Array(AtlasArray.Of(items, count));

    /// <summary>A closure of <paramref name="proto"/> over <paramref name="captured"/> (captures are by value).</summary>
    public static Value MakeClosure(Bytecode.FunctionProto proto, Value[] captured) => Value.Function(new FunctionValue(proto, captured));

    // ---- throw helpers (not NoInlining, see the class comment) ----

    public static void ThrowInvalidNumeric() => throw new AtlasRuntimeException(RuntimeErrorKind.InvalidNumericResult);
    public static void ThrowDivideByZero() => throw new AtlasRuntimeException(RuntimeErrorKind.DivideByZero);
    public static void ThrowInvalidIndex() => throw new AtlasRuntimeException(RuntimeErrorKind.InvalidIndex);
    public static void ThrowOutOfBounds() => throw new AtlasRuntimeException(RuntimeErrorKind.OutOfBounds);
    public static void ThrowType(string message) => throw AtlasRuntimeException.Type(message);
    public static void ThrowMatchFailed() => throw AtlasRuntimeException.Type("Non-exhaustive pattern match - no arm matched");
    /// <summary>The Throw opcode: a TypeError whose message is the string operand.</summary>
    public static void ThrowMessage(Value message) =>
        throw AtlasRuntimeException.Type(message.Kind == ValueKind.String ? message.AsString : ValueFormatter.Display(message));
}
