using System.Runtime.CompilerServices;
using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>Core builtins (stdlib.md §1): print, len, str, typeof and the conversions; type predicates live in the other part.</summary>
internal static partial class CoreBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("print", Print, "Writes the display text of any value and a newline to standard output.");
        BuiltinRegistry.Define("len", Len, "Number of characters (Unicode scalars) of a string, or number of elements of an array.");
        BuiltinRegistry.Define("str", Str, "The display text of any value, as print shows it.");
        BuiltinRegistry.Define("typeof", TypeOf, "The name of a value's run-time type, such as \"number\", \"array\" or \"option\".");
        BuiltinRegistry.Define("toString", ToStringBuiltin,
            "Text for any value; unlike str, infinities read Infinity and arrays or collections a tag such as [Array].");
        BuiltinRegistry.Define("toNumber", ToNumber, "Converts a number, bool or numeric string to a number.");
        BuiltinRegistry.Define("toBool", ToBool, "Truthiness: false for false, 0, -0, NaN, \"\" and null; true otherwise.");
        BuiltinRegistry.Define("parseInt", ParseInt, "Parses a whole number written in the given radix (2 to 36).");
        BuiltinRegistry.Define("parseFloat", ParseFloat, "Parses decimal text such as \"1.5e3\", \"inf\" or \"nan\" to a number.");
        RegisterPredicates();
    }

    private static Value Print(Interpreter vm, Args args)
    {
        ArgCheck.Arity("print", args, 1);
        vm.Out.Write(ValueFormatter.Display(args[0]) + "\n");
        return Value.Null;
    }

    private static Value Len(Interpreter vm, Args args)
    {
        ArgCheck.Arity("len", args, 1);
        var v = args[0];
        return v.Kind switch
        {
            ValueKind.String => Value.Number(StringRope.ScalarCount(v)),
            ValueKind.Array => Value.Number(v.AsArray.Count),
            _ => throw ArgCheck.Expected("len", "string or array", v),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // not ReadyToRun: see StringRope.Concat
    private static Value Str(Interpreter vm, Args args)
    {
        ArgCheck.Arity("str", args, 1);
        return args[0].IsString ? args[0] : Value.String(ValueFormatter.Display(args[0]));
    }

    private static Value TypeOf(Interpreter vm, Args args)
    {
        ArgCheck.Arity("typeOf", args, 1);
        return Value.String(ValueFormatter.TypeOfName(args[0]));
    }

    private static Value ToStringBuiltin(Interpreter vm, Args args)
    {
        ArgCheck.Arity("toString", args, 1);
        var v = args[0];
        return v.IsString ? v : Value.String(ToStringText(v));
    }

    /// <summary>The toString() text of stdlib.md §1.</summary>
    internal static string ToStringText(Value v) => v.Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => v.AsBool ? "true" : "false",
        ValueKind.String => v.AsString,
        ValueKind.Number => NumberFormatter.ToStringFormat(v.Num),
        ValueKind.Option => v.AsOption.IsSome ? "Some(" + InnerText(v.AsOption.Payload) + ")" : "None",
        ValueKind.Result => (v.AsResult.IsOk ? "Ok(" : "Err(") + InnerText(v.AsResult.Payload) + ")",
        _ => Tag(v),
    };

    // Payloads of Some/Ok/Err: strings quoted, numbers in display format, nested wrappers only tagged.
    private static string InnerText(Value v) => v.Kind switch
    {
        ValueKind.Number => NumberFormatter.Display(v.Num),
        ValueKind.String => "\"" + v.AsString + "\"",
        ValueKind.Bool or ValueKind.Null => ToStringText(v),
        ValueKind.Option => "[Option]",
        ValueKind.Result => "[Result]",
        _ => Tag(v),
    };

    private static string Tag(Value v) => v.Kind switch
    {
        ValueKind.Array => "[Array]",
        ValueKind.Function => "[Function]",
        ValueKind.Builtin => "[Builtin " + v.AsBuiltin.Name + "]",
        ValueKind.HashMap => "[HashMap]",
        ValueKind.HashSet => "[HashSet]",
        ValueKind.Queue => "[Queue]",
        ValueKind.Stack => "[Stack]",
        _ => ValueFormatter.Display(v),
    };

    private static Value ToNumber(Interpreter vm, Args args)
    {
        ArgCheck.Arity("toNumber", args, 1);
        var v = args[0];
        switch (v.Kind)
        {
            case ValueKind.Number: return v;
            case ValueKind.Bool: return Value.Number(v.AsBool ? 1 : 0);
            case ValueKind.String:
                var trimmed = v.AsString.Trim();
                if (trimmed.Length == 0) throw AtlasRuntimeException.Type("Cannot convert empty string to number");
                if (FloatParser.TryParse(trimmed, out var d)) return Value.Number(d);
                throw AtlasRuntimeException.Type($"Cannot convert '{v.AsString}' to number");
            default:
                throw AtlasRuntimeException.Type($"Cannot convert {ValueFormatter.TypeOfName(v)} to number");
        }
    }

    private static Value ToBool(Interpreter vm, Args args)
    {
        ArgCheck.Arity("toBool", args, 1);
        var v = args[0];
        return v.Kind switch
        {
            ValueKind.Bool => v,
            ValueKind.Number => Value.Bool(v.Num != 0 && !double.IsNaN(v.Num)),
            ValueKind.String => Value.Bool(v.AsString.Length != 0),
            ValueKind.Null => Value.False,
            _ => Value.True,
        };
    }

    private static Value ParseInt(Interpreter vm, Args args)
    {
        ArgCheck.Arity("parseInt", args, 2);
        if (!args[0].IsString) throw AtlasRuntimeException.Type("parseInt() requires string as first argument");
        if (!args[1].IsNumber) throw AtlasRuntimeException.Type("parseInt() requires number as second argument");
        var original = args[0].AsString;
        double r = args[1].Num;
        if (!ArgCheck.IsInteger(r) || r < 2 || r > 36)
            throw AtlasRuntimeException.Type("parseInt() radix must be integer between 2 and 36");
        int radix = (int)r;
        var text = original.AsSpan().Trim();
        if (text.IsEmpty) throw AtlasRuntimeException.Type("Cannot parse empty string as integer");
        bool negative = false;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
            if (text.IsEmpty) throw AtlasRuntimeException.Type($"Invalid integer for radix {radix}");
        }
        // Accumulate negatively so that long.MinValue, whose magnitude has no positive long, still fits.
        long acc = 0;
        foreach (char c in text)
        {
            int digit = DigitValue(c);
            if (digit < 0 || digit >= radix || acc < (long.MinValue + digit) / radix)
                throw AtlasRuntimeException.Type($"Invalid integer '{original}' for radix {radix}");
            acc = acc * radix - digit;
        }
        if (!negative && acc == long.MinValue) throw AtlasRuntimeException.Type($"Invalid integer '{original}' for radix {radix}");
        return Value.Number(negative ? acc : -acc);
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => -1,
    };

    private static Value ParseFloat(Interpreter vm, Args args)
    {
        ArgCheck.Arity("parseFloat", args, 1);
        if (!args[0].IsString) throw AtlasRuntimeException.Type("parseFloat() requires string argument");
        var original = args[0].AsString;
        var trimmed = original.Trim();
        if (trimmed.Length == 0) throw AtlasRuntimeException.Type("Cannot parse empty string as float");
        if (FloatParser.TryParse(trimmed, out var d)) return Value.Number(d);
        throw AtlasRuntimeException.Type($"Cannot parse '{original}' as float");
    }
}
