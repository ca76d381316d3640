using Atlas.Stdlib;

namespace Atlas.Tests.Fuzz;

public sealed partial class ProgramBuilder
{
    /// <summary>
    /// Values of every kind, including the awkward ones (NaN, infinities, -0, lone surrogates, empty and nested containers).
    /// </summary>
    private static readonly string[] OddValues =
    [
        "0", "-0", "1", "-1", "1.5", "-2.5", "1e300", "-1e300", "5e-324", "9007199254740993", "4294967296", "2147483648", "100", "36", "37",
        "sqrt(-1)", "pow(10, 400)", "-pow(10, 400)", "\"\"", "\" \"", "\"abc\"", "\"42\"", "\" -7.5e2 \"", "\"0x1F\"", "\"ß\"", "\"🌍a\"",
        "\"\\n\"", "\"日本語\"", "substring(\"🌍\", 0, 1)", "\"a,b,,c\"", "true", "false", "null", "[]", "[1, 2, 3]", "[\"a\", \"b\"]",
        "[[1], [2, 3]]", "[[]]", "[1, 1]", "Some(1)", "None", "Ok(\"v\")", "Err(2)", "hashMapNew()", "hashSetNew()", "queueNew()",
        "stackNew()", "hashMapPut(hashMapNew(), \"k\", 1)", "hashSetAdd(hashSetNew(), 1)", "str", "len", "print", "abs", "min",
        "parseJSON(\"{\\\"a\\\": [1, 2.5, null], \\\"tag\\\": \\\"x\\\"}\")", "parseJSON(\"null\")", "parseJSON(\"[true]\")", "\"{\\\"k\\\": 1}\"",
    ];

    /// <summary>The builtins fuzzed programs call: Tier 1 and JSON (never the file system or environment).</summary>
    private static readonly string[] FuzzedBuiltins = [.. BuiltinNames.Tier1, .. BuiltinNames.Json];

    /// <summary>A value whose static type is <c>?</c>, so any builtin accepts it at compile time and must check it at run time.</summary>
    private string AnyValue()
    {
        string value = _random.Next(4) switch
        {
            0 => Expr(Pick(FuzzTypes.All), 1),
            1 when Callable(_ => true) is { Count: > 0 } functions => Pick(functions).Name,
            _ => Pick(OddValues),
        };
        return $"unwrap(Some({value}))";
    }

    /// <summary>
    /// A call of a random builtin with 0–4 values of random kinds: its argument checks must raise Atlas errors, never .NET ones.
    /// </summary>
    private void BuiltinCall()
    {
        var name = Pick(FuzzedBuiltins);
        // Typed-prelude functions have their arity checked statically; the others check it at run time.
        int argc = PreludeSignatures.TryGet(name, out var signature)
            ? signature.Parameters.Count
            : _random.Next(10) switch { < 2 => 1, < 5 => 2, < 8 => 3, 8 => 0, _ => 4 };
        var args = Enumerable.Range(0, argc).Select(_ => AnyValue()).ToList();
        // Write-back builtins store into a plain variable argument: give them one sometimes.
        if (args.Count > 0 && Chance(30))
        {
            var holder = Fresh("w");
            Line($"var {holder} = {args[0]};");
            args[0] = holder;
        }
        Line($"print({name}({string.Join(", ", args)}));");
    }
}
