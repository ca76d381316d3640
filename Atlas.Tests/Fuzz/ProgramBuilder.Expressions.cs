namespace Atlas.Tests.Fuzz;

public sealed partial class ProgramBuilder
{
    /// <summary>An expression of the given static type, at most <paramref name="depth"/> operators deep.</summary>
    private string Expr(FuzzType type, int depth)
    {
        if (depth <= 0 || Chance(25)) return Leaf(type);
        int d = depth - 1;
        return type switch
        {
            FuzzType.Num => NumExpr(d),
            FuzzType.Str => StrExpr(d),
            FuzzType.Bool => BoolExpr(d),
            FuzzType.NumArr => NumArrExpr(d),
            FuzzType.StrArr => StrArrExpr(d),
            FuzzType.OptNum => _random.Next(5) switch
            {
                0 => $"Some({Expr(FuzzType.Num, d)})",
                1 => "None",
                2 => $"hashMapGet({Expr(FuzzType.Map, d)}, {Key()})",
                3 => $"result_ok({Expr(FuzzType.ResNum, d)})",
                _ => $"match {Expr(FuzzType.Bool, d)} {{ true => Some({Expr(FuzzType.Num, d)}), false => None }}",
            },
            FuzzType.ResNum => _random.Next(4) switch
            {
                0 => $"Ok({Expr(FuzzType.Num, d)})",
                1 => $"Err({Expr(FuzzType.Str, d)})",
                2 => $"result_map({Expr(FuzzType.ResNum, d)}, {Leaf(FuzzType.FnNum)})",
                _ => CallReturning(FuzzType.ResNum, d) ?? $"Ok({Expr(FuzzType.Num, d)})",
            },
            FuzzType.FnNum => CallReturning(FuzzType.FnNum, d) ?? Leaf(FuzzType.FnNum),
            _ => Chance(50) ? "hashMapNew()" : $"hashMapPut({Expr(FuzzType.Map, d)}, {Key()}, {Expr(FuzzType.Num, d)})",
        };
    }

    /// <summary>A visible variable of the type, or a literal. Mutable globals that can grow are not read inside functions (their growth would compound).</summary>
    private string Leaf(FuzzType type)
    {
        if (Chance(65))
        {
            var candidates = VisibleOf(type).Where(v => !(type.IsAggregate() && _function != null && v.Mutable && v.Name.StartsWith('g'))).ToList();
            if (candidates.Count > 0 && (!type.IsAggregate() || _aggregateRefs > 0))
            {
                if (type.IsAggregate() && _aggregateRefs != int.MaxValue) _aggregateRefs--;
                return Pick(candidates).Name;
            }
        }
        return Literal(type);
    }

    private string Literal(FuzzType type) => type switch
    {
        FuzzType.Num => NumberLiteral(),
        FuzzType.Str => StringLiteral(),
        FuzzType.Bool => Chance(50) ? "true" : "false",
        FuzzType.NumArr => "[" + string.Join(", ", Enumerable.Range(0, Chance(90) ? _random.Next(1, 5) : 0).Select(_ => NumberLiteral())) + "]",
        FuzzType.StrArr => "[" + string.Join(", ", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => StringLiteral())) + "]",
        FuzzType.OptNum => Chance(60) ? $"Some({NumberLiteral()})" : "None",
        FuzzType.ResNum => Chance(60) ? $"Ok({NumberLiteral()})" : $"Err({StringLiteral()})",
        FuzzType.FnNum => FunctionValue(),
        _ => "hashMapNew()",
    };

    private string NumberLiteral() => _random.Next(20) switch
    {
        < 12 => _random.Next(0, 10).ToString(),
        < 15 => _random.Next(10, 1000).ToString(),
        < 17 => (_random.Next(0, 1000) / 8.0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        17 => "0.1",
        18 => "-" + _random.Next(1, 5),
        _ => Pick(new[] { "1e300", "1e-300", "9007199254740993", "4294967296" }),
    };

    // Lone surrogates cannot come from a UTF-8 file but can from a host passing a string: they must not crash either.
    private static readonly string[] StringPieces = ["a", "b", "abc", " ", "x y", "日本", "🌍", "ß", "\\n", "\\t", "\\\"", ",", "42", "-1.5", "true", "é", "\\\\", "\ud800", "\udfff"];

    private string StringLiteral() =>
        "\"" + string.Concat(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Pick(StringPieces))) + "\"";

    private string Key() => "\"" + Pick(new[] { "a", "b", "c", "" }) + "\"";

    private string NonZero() => Chance(95) ? Pick(new[] { "2", "3", "7", "0.5", "10" }) : "0";

    /// <summary>Mostly 0 (arrays are rarely empty); sometimes out of bounds or not a whole number.</summary>
    private string Index() => _random.Next(40) switch
    {
        < 32 => "0",
        < 37 => "1",
        37 => Pick(new[] { "2", "5" }),
        _ => Pick(new[] { "-1", "1.5", "0 / 1", "100" }),
    };

    /// <summary>A (number) -> number function value: a user function, a closure from a factory, a nested function, or a builtin.</summary>
    private string FunctionValue()
    {
        var vars = VisibleOf(FuzzType.FnNum);
        if (vars.Count > 0 && Chance(50)) return Pick(vars).Name;
        var functions = Callable(f => f.Params.Length == 1 && f.Params[0] == FuzzType.Num && f.Return == FuzzType.Num);
        if (functions.Count > 0 && Chance(60)) return Pick(functions).Name;
        return Pick(new[] { "abs", "floor", "sqrt", "round" });
    }

    private List<UserFunction> Callable(Func<UserFunction, bool> filter) => _functions.Take(_callable).Where(filter).ToList();

    /// <summary>A call of a user function returning <paramref name="type"/>, or null if there is none.</summary>
    private string? CallReturning(FuzzType type, int depth)
    {
        var functions = Callable(f => f.Return == type);
        if (functions.Count == 0) return null;
        var f = Pick(functions);
        var args = f.Params.Select(p =>
        {
            // Inside an assignment, growing arguments are literals: the callee might double them.
            int saved = _aggregateRefs;
            if (p.IsAggregate() && _aggregateRefs != int.MaxValue) _aggregateRefs = 0;
            var arg = Expr(p, depth);
            _aggregateRefs = saved;
            return arg;
        });
        return $"{f.Name}({string.Join(", ", args)})";
    }

    /// <summary>A predicate <c>(number) -> bool</c> for filter/some/every, or null.</summary>
    private string? Predicate()
    {
        var functions = Callable(f => f.Params.Length == 1 && f.Params[0] == FuzzType.Num && f.Return == FuzzType.Bool);
        return functions.Count > 0 ? Pick(functions).Name : null;
    }

    /// <summary>A two-argument callback for hashMapForEach (called with value and key), or null.</summary>
    private string? ForEachCallback()
    {
        var functions = Callable(f => f.Params.Length == 2);
        return functions.Count > 0 ? Pick(functions).Name : null;
    }

    /// <summary>A comparator / reducer <c>(number, number) -> number</c>.</summary>
    private string Binary()
    {
        var functions = Callable(f => f.Params.Length == 2 && f.Params[0] == FuzzType.Num && f.Params[1] == FuzzType.Num && f.Return == FuzzType.Num);
        return functions.Count > 0 && Chance(70) ? Pick(functions).Name : Pick(new[] { "min", "max", "pow" });
    }

    /// <summary>Runs <paramref name="body"/> with match-arm bindings in scope.</summary>
    private string WithBindings(Func<string> body, params (string Name, FuzzType Type)[] bindings)
    {
        _scopes.Add(bindings.Select(b => new Variable(b.Name, b.Type, false)).ToList());
        var text = body();
        _scopes.RemoveAt(_scopes.Count - 1);
        return text;
    }
}
