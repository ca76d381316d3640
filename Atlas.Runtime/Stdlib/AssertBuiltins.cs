using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>Assertion builtins (stdlib.md §8, Tier 1 part). Every failure, including a wrong argument, is a class-T error.</summary>
internal static class AssertBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("assert", (_, a) => Condition("assert", a, expected: true, "Assertion failed: "),
            "Fails with the message unless the condition is true.");
        BuiltinRegistry.Define("assertFalse", (_, a) => Condition("assertFalse", a, expected: false, "Assertion failed (expected false): "),
            "Fails with the message unless the condition is false.");
        BuiltinRegistry.Define("assertEqual", AssertEqual, "Fails unless the two values are deeply equal.");
        BuiltinRegistry.Define("assertNotEqual", AssertNotEqual, "Fails when the two values are deeply equal.");
        BuiltinRegistry.Define("assertOk", AssertOk, "Fails unless the value is Ok(v); returns v.");
        BuiltinRegistry.Define("assertErr", AssertErr, "Fails unless the value is Err(e); returns e.");
        BuiltinRegistry.Define("assertSome", AssertSome, "Fails unless the value is Some(v); returns v.");
        BuiltinRegistry.Define("assertNone", AssertNone, "Fails unless the value is None.");
        BuiltinRegistry.Define("assertContains", AssertContains, "Fails unless some element of the array deeply equals the value.");
        BuiltinRegistry.Define("assertEmpty", AssertEmpty, "Fails unless the array is empty.");
        BuiltinRegistry.Define("assertLength", AssertLength, "Fails unless the array has the given length.");
    }

    private static AtlasRuntimeException Fail(string message) => AtlasRuntimeException.Type(message);

    private static void Arity(string name, Args args, int expected)
    {
        if (args.Count != expected)
            throw Fail($"{name} expects {expected} {(expected == 1 ? "argument" : "arguments")}, got {args.Count}");
    }

    private static Value Kind(Value v, ValueKind kind, string kindName) =>
        v.Kind == kind ? v : throw Fail($"expected {kindName}, got {ValueFormatter.TypeName(v)}");

    private static string D(Value v) => ValueFormatter.Display(v);

    /// <summary>
    /// Deep equality of assertions: primitives by value, arrays element-wise, Option/Result by variant and payload;
    /// every other kind is never equal, not even to itself.
    /// </summary>
    internal static bool DeepEqual(Value a, Value b)
    {
        if (a.Kind != b.Kind) return false;
        switch (a.Kind)
        {
            case ValueKind.Number or ValueKind.String or ValueKind.Bool or ValueKind.Null:
                return ValueEquality.AreEqual(a, b);
            case ValueKind.Array:
                var x = a.AsArray;
                var y = b.AsArray;
                if (x.Count != y.Count) return false;
                for (int i = 0; i < x.Count; i++) if (!DeepEqual(x.Items[i], y.Items[i])) return false;
                return true;
            case ValueKind.Option:
                return a.AsOption.IsSome == b.AsOption.IsSome && DeepEqual(a.AsOption.Payload, b.AsOption.Payload);
            case ValueKind.Result:
                return a.AsResult.IsOk == b.AsResult.IsOk && DeepEqual(a.AsResult.Payload, b.AsResult.Payload);
            default:
                return false;
        }
    }

    private static Value Condition(string name, Args args, bool expected, string prefix)
    {
        Arity(name, args, 2);
        var condition = Kind(args[0], ValueKind.Bool, "bool");
        var message = Kind(args[1], ValueKind.String, "string");
        return condition.AsBool == expected ? Value.Null : throw Fail(prefix + message.AsString);
    }

    private static Value AssertEqual(Interpreter vm, Args args)
    {
        Arity("assertEqual", args, 2);
        return DeepEqual(args[0], args[1])
            ? Value.Null
            : throw Fail($"Assertion failed: values not equal\n  Actual:   {D(args[0])}\n  Expected: {D(args[1])}");
    }

    private static Value AssertNotEqual(Interpreter vm, Args args)
    {
        Arity("assertNotEqual", args, 2);
        return DeepEqual(args[0], args[1])
            ? throw Fail($"Assertion failed: values are equal (expected them to differ)\n  Value: {D(args[0])}")
            : Value.Null;
    }

    private static Value AssertOk(Interpreter vm, Args args)
    {
        Arity("assertOk", args, 1);
        var r = Kind(args[0], ValueKind.Result, "Result").AsResult;
        return r.IsOk ? r.Payload.Share() : throw Fail($"assertOk: expected Ok, got Err({D(r.Payload)})");
    }

    private static Value AssertErr(Interpreter vm, Args args)
    {
        Arity("assertErr", args, 1);
        var r = Kind(args[0], ValueKind.Result, "Result").AsResult;
        return r.IsOk ? throw Fail($"assertErr: expected Err, got Ok({D(r.Payload)})") : r.Payload.Share();
    }

    private static Value AssertSome(Interpreter vm, Args args)
    {
        Arity("assertSome", args, 1);
        var o = Kind(args[0], ValueKind.Option, "Option").AsOption;
        return o.IsSome ? o.Payload.Share() : throw Fail("assertSome: expected Some, got None");
    }

    private static Value AssertNone(Interpreter vm, Args args)
    {
        Arity("assertNone", args, 1);
        var o = Kind(args[0], ValueKind.Option, "Option").AsOption;
        return o.IsSome ? throw Fail($"assertNone: expected None, got Some({D(o.Payload)})") : Value.Null;
    }

    private static Value AssertContains(Interpreter vm, Args args)
    {
        Arity("assertContains", args, 2);
        var a = Kind(args[0], ValueKind.Array, "array").AsArray;
        foreach (var element in a.AsSpan())
            if (DeepEqual(element, args[1])) return Value.Null;
        throw Fail($"assertContains: array does not contain {D(args[1])}");
    }

    private static Value AssertEmpty(Interpreter vm, Args args)
    {
        Arity("assertEmpty", args, 1);
        var a = Kind(args[0], ValueKind.Array, "array").AsArray;
        return a.Count == 0 ? Value.Null : throw Fail($"assertEmpty: expected empty array, got length {a.Count}");
    }

    private static Value AssertLength(Interpreter vm, Args args)
    {
        Arity("assertLength", args, 2);
        var a = Kind(args[0], ValueKind.Array, "array").AsArray;
        double n = Kind(args[1], ValueKind.Number, "number").Num;
        if (!ArgCheck.IsInteger(n) || n < 0)
            throw Fail($"assertLength: expected a non-negative integer length, got {NumberFormatter.Display(n)}");
        return a.Count == n ? Value.Null : throw Fail($"assertLength: expected length {NumberFormatter.Display(n)}, got {a.Count}");
    }
}
