namespace Atlas.Tests.Fuzz;

public sealed partial class ProgramBuilder
{
    private string NumExpr(int d)
    {
        switch (_random.Next(24))
        {
            case 0: case 1: case 2: return $"{Expr(FuzzType.Num, d)} {Pick(new[] { "+", "-", "*" })} {Expr(FuzzType.Num, d)}";
            case 3: return $"{Expr(FuzzType.Num, d)} {Pick(new[] { "/", "%" })} {(Chance(90) ? NonZero() : Expr(FuzzType.Num, d))}";
            case 4: return $"-({Expr(FuzzType.Num, d)})";
            case 5: return $"({Expr(FuzzType.Num, d)})";
            case 6: return Chance(50) ? $"len({Expr(FuzzType.Str, d)})" : $"{Expr(FuzzType.NumArr, d)}.len()";
            case 7: return $"{Expr(FuzzType.NumArr, d)}[{Index()}]";
            case 8: case 9: return CallReturning(FuzzType.Num, d) ?? Leaf(FuzzType.Num);
            case 10: return $"{FunctionValue()}({Expr(FuzzType.Num, d)})";
            case 11: return $"{Pick(new[] { "abs", "floor", "ceil", "round", "sign" })}({Expr(FuzzType.Num, d)})";
            case 12: return $"{Pick(new[] { "min", "max" })}({Expr(FuzzType.Num, d)}, {Expr(FuzzType.Num, d)})";
            case 13: return Chance(50) ? $"sqrt(abs({Expr(FuzzType.Num, d)}))" : $"pow({Expr(FuzzType.Num, d)}, {_random.Next(0, 4)})";
            case 14:
            {
                string n = Fresh("n");
                var body = WithBindings(() => Expr(FuzzType.Num, d), (n, FuzzType.Num));
                return $"match {Expr(FuzzType.Num, d)} {{ 0 => {Expr(FuzzType.Num, d)}, 1 | 2 => {Expr(FuzzType.Num, d)}, {n} if {n} > 5 => {body}, _ => {Expr(FuzzType.Num, d)} }}";
            }
            case 15:
            {
                string x = Fresh("x");
                var some = WithBindings(() => Expr(FuzzType.Num, d), (x, FuzzType.Num));
                return $"match {Expr(FuzzType.OptNum, d)} {{ Some({x}) => {some}, None => {Expr(FuzzType.Num, d)} }}";
            }
            case 16:
            {
                string v = Fresh("x"), e = Fresh("x");
                var ok = WithBindings(() => Expr(FuzzType.Num, d), (v, FuzzType.Num));
                var err = WithBindings(() => Chance(50) ? $"len({e})" : Expr(FuzzType.Num, d), (e, FuzzType.Str));
                return $"match {Expr(FuzzType.ResNum, d)} {{ Ok({v}) => {ok}, Err({e}) => {err} }}";
            }
            case 17:
            {
                string a = Fresh("x"), b = Fresh("x");
                var one = WithBindings(() => Expr(FuzzType.Num, d), (a, FuzzType.Num));
                var two = WithBindings(() => $"{a} + {b}", (a, FuzzType.Num), (b, FuzzType.Num));
                return $"match {Expr(FuzzType.NumArr, d)} {{ [] => 0, [{a}] => {one}, [{a}, {b}] => {two}, _ => -1 }}";
            }
            case 18: return Chance(90) ? $"unwrap_or({Expr(FuzzType.OptNum, d)}, {Expr(FuzzType.Num, d)})" : $"unwrap({Expr(FuzzType.OptNum, d)})";
            case 19: return $"reduce({Expr(FuzzType.NumArr, d)}, {Binary()}, {Expr(FuzzType.Num, d)})";
            case 20: return Chance(50) ? $"{Expr(FuzzType.NumArr, d)}.indexOf({Expr(FuzzType.Num, d)})" : $"indexOf({Expr(FuzzType.Str, d)}, {Expr(FuzzType.Str, d)})";
            case 21:
                // Mostly valid conversions; the failing ones are rare so that most programs run on.
                if (Chance(85)) return Chance(50) ? $"toNumber({Pick(new[] { "\"42\"", "\" 7.5 \"", "\"1e3\"", "\"-0\"" })})" : $"parseInt({Pick(new[] { "\"42\"", "\"-17\"", "\"+7\"" })}, {Pick(new[] { "10", "16", "36" })})";
                return Chance(50) ? $"toNumber({Pick(new[] { "\"x\"", "\"\"" })})" : $"parseInt({Pick(new[] { "\"ff\"", "\"z\"" })}, {Pick(new[] { "10", "16", "1" })})";
            case 22: return Chance(50) ? $"hashMapSize({Expr(FuzzType.Map, d)})" : $"unwrap_or(hashMapGet({Expr(FuzzType.Map, d)}, {Key()}), 0)";
            default: return Predicate() is { } p ? $"findIndex({Expr(FuzzType.NumArr, d)}, {p})" : $"{Expr(FuzzType.StrArr, d)}.len()";
        }
    }

    private string StrExpr(int d)
    {
        switch (_random.Next(16))
        {
            case 0: case 1: case 2: return $"{Expr(FuzzType.Str, d)} + {Expr(FuzzType.Str, d)}";
            case 3: case 4: return $"str({Expr(Pick(FuzzTypes.All), d)})";
            case 5: return $"substring({Expr(FuzzType.Str, d)}, 0, {_random.Next(0, 3)})";
            case 6: return $"charAt({Expr(FuzzType.Str, d)}, {Index()})";
            case 7: return $"{Pick(new[] { "toUpperCase", "toLowerCase", "trim", "trimStart", "trimEnd" })}({Expr(FuzzType.Str, d)})";
            case 8: return $"join({Expr(FuzzType.StrArr, d)}, {Pick(new[] { "\", \"", "\"\"", "\"-\"" })})";
            case 9: return $"repeat({StringLiteral()}, {_random.Next(0, 4)})";
            case 10: return $"replace({Expr(FuzzType.Str, d)}, {Pick(StringPieces.Select(p => "\"" + p + "\"").ToArray())}, {StringLiteral()})";
            case 11: return $"{Pick(new[] { "padStart", "padEnd" })}({Expr(FuzzType.Str, d)}, {_random.Next(0, 8)}, {StringLiteral()})";
            case 12: return $"{Pick(new[] { "typeof", "toString" })}({Expr(Pick(FuzzTypes.All), d)})";
            // Indexing a ?-typed string is allowed and yields one scalar (language.md §11).
            case 13: return Chance(60) ? $"{Expr(FuzzType.StrArr, d)}[{Index()}]" : $"unwrap(Some({Expr(FuzzType.Str, d)}))[{Index()}]";
            case 14: return CallReturning(FuzzType.Str, d) ?? Leaf(FuzzType.Str);
            default:
                return Chance(50)
                    ? $"match {Expr(FuzzType.Bool, d)} {{ true => {Expr(FuzzType.Str, d)}, false => {Expr(FuzzType.Str, d)} }}"
                    : $"match {Expr(FuzzType.Str, d)} {{ \"a\" => {Expr(FuzzType.Str, d)}, \"\" | \"b\" => {Expr(FuzzType.Str, d)}, _ => {Expr(FuzzType.Str, d)} }}";
        }
    }

    private string BoolExpr(int d)
    {
        switch (_random.Next(14))
        {
            case 0: case 1: return $"{Expr(FuzzType.Num, d)} {Pick(new[] { "<", "<=", ">", ">=" })} {Expr(FuzzType.Num, d)}";
            case 2: case 3:
            {
                // Bool operands are parenthesised: `a == b != c` is `(a == b) != c`.
                var type = Pick(FuzzTypes.All);
                return type == FuzzType.Bool
                    ? $"({Expr(type, d)}) {Pick(new[] { "==", "!=" })} ({Expr(type, d)})"
                    : $"{Expr(type, d)} {Pick(new[] { "==", "!=" })} {Expr(type, d)}";
            }
            case 4: return $"{Expr(FuzzType.Bool, d)} {Pick(new[] { "&&", "||" })} {Expr(FuzzType.Bool, d)}";
            case 5: return $"!({Expr(FuzzType.Bool, d)})";
            case 6: return $"{Pick(new[] { "includes", "startsWith", "endsWith" })}({Expr(FuzzType.Str, d)}, {Expr(FuzzType.Str, d)})";
            case 7: return $"{Expr(FuzzType.NumArr, d)}.includes({Expr(FuzzType.Num, d)})";
            case 8: return Chance(50) ? $"{Pick(new[] { "is_some", "is_none" })}({Expr(FuzzType.OptNum, d)})" : $"{Pick(new[] { "is_ok", "is_err" })}({Expr(FuzzType.ResNum, d)})";
            case 9: return Predicate() is { } p ? $"{Pick(new[] { "some", "every" })}({Expr(FuzzType.NumArr, d)}, {p})" : "true";
            case 10: return $"hashMapHas({Expr(FuzzType.Map, d)}, {Key()})";
            case 11: return $"{Pick(new[] { "isNumber", "isString", "isArray", "isFunction", "toBool" })}({Expr(Pick(FuzzTypes.All), d)})";
            case 12: return CallReturning(FuzzType.Bool, d) ?? Leaf(FuzzType.Bool);
            default: return $"({Expr(FuzzType.Bool, d)})";
        }
    }

    private string NumArrExpr(int d)
    {
        switch (_random.Next(12))
        {
            case 0: case 1: return "[" + string.Join(", ", Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Expr(FuzzType.Num, d))) + "]";
            case 2: return $"{Expr(FuzzType.NumArr, d)}.concat({Expr(FuzzType.NumArr, d)})";
            case 3:
            {
                int start = _random.Next(0, 3);
                return $"slice({Expr(FuzzType.NumArr, d)}, {start}, {start + _random.Next(Chance(95) ? 0 : -2, 4)})";
            }
            case 4: return $"map({Expr(FuzzType.NumArr, d)}, {FunctionValue()})";
            case 5: return Predicate() is { } p ? $"filter({Expr(FuzzType.NumArr, d)}, {p})" : $"{Expr(FuzzType.NumArr, d)}.sort()";
            case 6: return $"sort({Expr(FuzzType.NumArr, d)}, {Binary()})";
            case 7: return $"{Pick(new[] { "arrayReverse", "arraySort" })}({Expr(FuzzType.NumArr, d)})";
            case 8: return $"arrayPush({Expr(FuzzType.NumArr, d)}, {Expr(FuzzType.Num, d)})";
            case 9: return $"hashMapValues({Expr(FuzzType.Map, d)})";
            case 10: return $"flatten([{Expr(FuzzType.NumArr, d)}, {Expr(FuzzType.NumArr, d)}])";
            default: return CallReturning(FuzzType.NumArr, d) ?? Leaf(FuzzType.NumArr);
        }
    }

    private string StrArrExpr(int d) => _random.Next(5) switch
    {
        0 => "[" + string.Join(", ", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Expr(FuzzType.Str, d))) + "]",
        1 => $"split({Expr(FuzzType.Str, d)}, {Pick(new[] { "\",\"", "\"\"", "\" \"" })})",
        2 => $"map({Expr(FuzzType.NumArr, d)}, str)",
        3 => $"hashMapKeys({Expr(FuzzType.Map, d)})",
        _ => $"{Expr(FuzzType.StrArr, d)}.slice(0, {_random.Next(0, 3)})",
    };
}
