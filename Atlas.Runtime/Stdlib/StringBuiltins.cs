using System.Text;
using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>String builtins (stdlib.md §3). Every position and length counts Unicode scalars (README decision 6).</summary>
internal static class StringBuiltins
{
    /// <summary>The largest <c>repeat</c> count; beyond it the result is InvalidNumericResult (stdlib.md §3).</summary>
    private const double MaxRepeat = 1_000_000;

    internal static void Register()
    {
        BuiltinRegistry.Define("split", Split, "Splits a string at every occurrence of a separator; \"\" splits into characters.");
        BuiltinRegistry.Define("join", Join, "Concatenates an array of strings with a separator between them.");
        BuiltinRegistry.Define("trim", (_, a) => Unary("trim", a, s => s.Trim()), "Removes white space at both ends.");
        BuiltinRegistry.Define("trimStart", (_, a) => Unary("trimStart", a, s => s.TrimStart()), "Removes white space at the start.");
        BuiltinRegistry.Define("trimEnd", (_, a) => Unary("trimEnd", a, s => s.TrimEnd()), "Removes white space at the end.");
        BuiltinRegistry.Define("toUpperCase", (_, a) => Unary("toUpperCase", a, CaseMapping.ToUpper),
            "Uppercase with full Unicode mapping (\"ß\" becomes \"SS\").");
        BuiltinRegistry.Define("toLowerCase", (_, a) => Unary("toLowerCase", a, CaseMapping.ToLower),
            "Lowercase with full Unicode mapping (a final Σ becomes ς).");
        BuiltinRegistry.Define("indexOf", IndexOf, "Character offset of the first occurrence of a substring, or -1.");
        BuiltinRegistry.Define("lastIndexOf", LastIndexOf, "Character offset of the last occurrence of a substring, or -1.");
        BuiltinRegistry.Define("includes", (_, a) => Binary("includes", a, (s, t) => Value.Bool(s.Contains(t, StringComparison.Ordinal))),
            "True when the string contains the substring.");
        BuiltinRegistry.Define("startsWith", (_, a) => Binary("startsWith", a, (s, t) => Value.Bool(s.StartsWith(t, StringComparison.Ordinal))),
            "True when the string begins with the prefix.");
        BuiltinRegistry.Define("endsWith", (_, a) => Binary("endsWith", a, (s, t) => Value.Bool(s.EndsWith(t, StringComparison.Ordinal))),
            "True when the string ends with the suffix.");
        BuiltinRegistry.Define("substring", Substring, "The characters from start (inclusive) to end (exclusive).");
        BuiltinRegistry.Define("charAt", CharAt, "The character at an index, as a one-character string.");
        BuiltinRegistry.Define("repeat", Repeat, "The string repeated count times.");
        BuiltinRegistry.Define("replace", Replace, "Replaces the first occurrence of a substring.");
        BuiltinRegistry.Define("padStart", (_, a) => Pad("padStart", a, atStart: true), "Pads at the start to a length, repeating the fill text.");
        BuiltinRegistry.Define("padEnd", (_, a) => Pad("padEnd", a, atStart: false), "Pads at the end to a length, repeating the fill text.");
    }

    private static Value Unary(string name, Args args, Func<string, string> f)
    {
        ArgCheck.Arity(name, args, 1);
        return Value.String(f(ArgCheck.String(name, args[0])));
    }

    private static Value Binary(string name, Args args, Func<string, string, Value> f)
    {
        ArgCheck.Arity(name, args, 2);
        var s = ArgCheck.String(name, args[0]);
        var t = ArgCheck.String(name, args[1]);
        return f(s, t);
    }

    private static Value Split(Interpreter vm, Args args) => Binary("split", args, (s, sep) =>
    {
        var pieces = sep.Length == 0 ? ScalarText.Scalars(s) : s.Split(sep, StringSplitOptions.None).ToList();
        var result = new AtlasArray(pieces.Count);
        foreach (var p in pieces) result.Add(Value.String(p));
        return Value.Array(result);
    });

    private static Value Join(Interpreter vm, Args args)
    {
        ArgCheck.Arity("join", args, 2);
        var parts = ArgCheck.Array("join", args[0]);
        var sep = ArgCheck.String("join", args[1]);
        var sb = new StringBuilder();
        for (int i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (!part.IsString) throw AtlasRuntimeException.Type("join() requires array of strings");
            if (i > 0) sb.Append(sep);
            sb.Append(part.AsString);
        }
        return Value.String(sb.ToString());
    }

    private static Value IndexOf(Interpreter vm, Args args) => Binary("indexOf", args, (s, sub) =>
    {
        int i = s.IndexOf(sub, StringComparison.Ordinal);
        return Value.Number(i < 0 ? -1 : ScalarText.ToScalarIndex(s, i));
    });

    private static Value LastIndexOf(Interpreter vm, Args args) => Binary("lastIndexOf", args, (s, sub) =>
    {
        if (sub.Length == 0) return Value.Number(ScalarText.Count(s));
        int i = s.LastIndexOf(sub, StringComparison.Ordinal);
        return Value.Number(i < 0 ? -1 : ScalarText.ToScalarIndex(s, i));
    });

    private static Value Substring(Interpreter vm, Args args)
    {
        ArgCheck.Arity("substring", args, 3);
        var s = ArgCheck.String("substring", args[0]);
        double start = ArgCheck.Number("substring", args[1]);
        double end = ArgCheck.Number("substring", args[2]);
        if (!ArgCheck.IsInteger(start) || !ArgCheck.IsInteger(end))
            throw AtlasRuntimeException.Type("substring() indices must be integers");
        start = Math.Max(start, 0);
        end = Math.Max(end, 0);
        if (start > end || end > ScalarText.Count(s)) throw new AtlasRuntimeException(RuntimeErrorKind.OutOfBounds);
        int from = ScalarText.ToUtf16Index(s, (int)start);
        int to = ScalarText.ToUtf16Index(s, (int)end);
        return Value.String(s[from..to]);
    }

    private static Value CharAt(Interpreter vm, Args args)
    {
        ArgCheck.Arity("charAt", args, 2);
        var s = ArgCheck.String("charAt", args[0]);
        double index = ArgCheck.Number("charAt", args[1]);
        if (!ArgCheck.IsInteger(index)) throw AtlasRuntimeException.Type("charAt() index must be an integer");
        index = Math.Max(index, 0);
        if (index >= ScalarText.Count(s)) throw new AtlasRuntimeException(RuntimeErrorKind.OutOfBounds);
        int at = ScalarText.ToUtf16Index(s, (int)index);
        return Value.String(s.Substring(at, ScalarText.IsPairAt(s, at) ? 2 : 1));
    }

    private static Value Repeat(Interpreter vm, Args args)
    {
        ArgCheck.Arity("repeat", args, 2);
        var s = ArgCheck.String("repeat", args[0]);
        double n = ArgCheck.Number("repeat", args[1]);
        if (!ArgCheck.IsInteger(n)) throw AtlasRuntimeException.Type("repeat() count must be an integer");
        if (n < 0) throw AtlasRuntimeException.Type("repeat() count cannot be negative");
        if (n > MaxRepeat) throw new AtlasRuntimeException(RuntimeErrorKind.InvalidNumericResult);
        int count = (int)n;
        ArgCheck.CheckedLength((double)s.Length * count);
        return Value.String(new StringBuilder(s.Length * count).Insert(0, s, count).ToString());
    }

    private static Value Replace(Interpreter vm, Args args)
    {
        ArgCheck.Arity("replace", args, 3);
        var s = ArgCheck.String("replace", args[0]);
        var from = ArgCheck.String("replace", args[1]);
        var to = ArgCheck.String("replace", args[2]);
        if (from.Length == 0) return args[0];
        int i = s.IndexOf(from, StringComparison.Ordinal);
        return i < 0 ? args[0] : Value.String(string.Concat(s.AsSpan(0, i), to, s.AsSpan(i + from.Length)));
    }

    private static Value Pad(string name, Args args, bool atStart)
    {
        ArgCheck.Arity(name, args, 3);
        var s = ArgCheck.String(name, args[0]);
        double n = ArgCheck.Number(name, args[1]);
        var fill = ArgCheck.String(name, args[2]);
        if (!ArgCheck.IsInteger(n)) throw AtlasRuntimeException.Type($"{name}() length must be an integer");
        int count = ScalarText.Count(s);
        if (n <= count || fill.Length == 0) return args[0];
        int missing = ArgCheck.CheckedLength(n - count);
        var sb = new StringBuilder();
        if (!atStart) sb.Append(s);
        ScalarText.AppendCyclic(sb, fill, missing);
        if (atStart) sb.Append(s);
        return Value.String(sb.ToString());
    }
}
