namespace Atlas.Jit.Tests.TierParity.Source;

public sealed partial class SourceGenerator
{
    // Whole numbers next to 2^26 and 2^53 reach the limits of compiled long arithmetic (the small-factor product, the range
    // a long holds), where the tiers must still agree.
    private static readonly string[] Numbers =
        ["0", "1", "2", "3", "4", "5", "7", "10", "100", "0.5", "2.5", "1e308", "67108863", "67108865", "9007199254740990"];
    private static readonly string[] Strings = ["\"\"", "\"a\"", "\"bc\"", "\"héllo\"", "\"🌍\"", "\"a b\""];

    private static SExpr Bin(SType t, string op, SExpr a, SExpr b) => new("bin", t, [a, b], op);
    private static SExpr Builtin(SType t, string name, params SExpr[] args) => new("call", t, args, name);

    /// <summary>True when an expression of <paramref name="t"/> can be made here (functions need a value to refer to).</summary>
    private bool CanMake(SType t) => t != SType.Fn || FunctionValues().Any();

    private IEnumerable<SExpr> FunctionValues() =>
        Visible.Where(v => v.Type == SType.Fn).Select(v => SExpr.Var(SType.Fn, v.Name))
            .Concat(Targets().Where(j => _sigs[j] is { Params: [(_, SType.Num)], Return: SType.Num } && !_recursive[j])
                .Select(j => SExpr.Var(SType.Fn, _sigs[j].Name)));

    /// <summary>Top-level functions the current one may call: those after it (top-level code may call all).</summary>
    private IEnumerable<int> Targets() => Enumerable.Range(Current.Index + 1, _sigs.Length - Current.Index - 1);

    private SExpr IndexExpr(int depth) =>
        Chance(0.85) ? SExpr.Lit(SType.Num, Chance(0.7) ? "0" : "1")
        : Chance(0.5)
            ? Pick(new[]
            {
                SExpr.Lit(SType.Num, "5"), SExpr.Lit(SType.Num, "0.5"), new SExpr("un", SType.Num, [SExpr.Lit(SType.Num, "1")], "-"),
            })
        : Expr(SType.Num, depth - 1);

    private SExpr Expr(SType t, int depth)
    {
        if (depth <= 0 || Chance(0.25)) return Leaf(t);
        int d = depth - 1;
        var choices = new List<(int, Func<SExpr>)> { (2, () => Leaf(t)) };
        switch (t)
        {
            case SType.Num:
                foreach (var op in new[] { "+", "-", "*", "+", "-", "*", "/", "%" })
                    choices.Add((2, () => Bin(t, op, Expr(t, d), Expr(t, d))));
                choices.Add((1, () => new SExpr("un", t, [Expr(t, d)], "-")));
                choices.Add((1, () => Builtin(t, "len", Chance(0.5) ? Expr(SType.Str, d) : Expr(SType.NumArr, d))));
                choices.Add((1, () => new SExpr("method", t, [Expr(SType.NumArr, d)], "len")));
                choices.Add((3, () => new SExpr("index", t, [Expr(SType.NumArr, d), IndexExpr(d)])));
                choices.Add((1, () => Builtin(t, Pick(new[] { "abs", "floor", "sqrt" }), Expr(t, d))));
                choices.Add((1, () => Builtin(t, Pick(new[] { "max", "min" }), Expr(t, d), Expr(t, d))));
                choices.Add((2, () => Builtin(t, "unwrap", Expr(SType.OptNum, d))));
                choices.Add((1, () => Builtin(t, "unwrap_or", Expr(SType.OptNum, d), Expr(t, d))));
                choices.Add((1, () => Builtin(t, "indexOf", Expr(SType.Str, d), Expr(SType.Str, d))));
                choices.Add((1, () => new SExpr("method", t, [Expr(SType.NumArr, d), Expr(t, d)], "indexOf")));
                // A json round trip: parseJSON's result is `?` to the checker (labelled Str here only to be a receiver).
                choices.Add((1, () =>
                    new SExpr("method", t, [Builtin(SType.Str, "parseJSON", Builtin(SType.Str, "toJSON", Expr(t, d)))], "as_number")));
                var arrays = Visible.Where(v => v.Type == SType.NumArr).ToList();
                if (arrays.Count > 0)
                    choices.Add((1, () =>
                        new SExpr("method", t, [SExpr.Var(SType.NumArr, Pick(arrays).Name)], Chance(0.5) ? "pop" : "shift")));
                if (FunctionValues().Any()) choices.Add((2, () => new SExpr("callv", t, [Pick(FunctionValues().ToList()), Expr(t, d)])));
                if (Current.Return == SType.ResNum && !Current.Nested) choices.Add((2, () => new SExpr("try", t, [Expr(SType.ResNum, d)])));
                break;
            case SType.Str:
                choices.Add((3, () => Bin(t, "+", Expr(t, d), Expr(t, d))));
                choices.Add((3, () => Builtin(t, "str", Expr(Pick(ValueTypes), d))));
                choices.Add((1, () => Builtin(t, "substring", Expr(t, d), IndexExpr(d), Expr(SType.Num, d))));
                choices.Add((1, () => Builtin(t, "charAt", Expr(t, d), IndexExpr(d))));
                choices.Add((1, () => Builtin(t, Pick(new[] { "toUpperCase", "trim" }), Expr(t, d))));
                choices.Add((1, () => Builtin(t, "toJSON", Expr(SType.NumArr, d))));
                break;
            case SType.Bool:
                foreach (var op in new[] { "<", "<=", ">", ">=" })
                    choices.Add((2, () => Bin(t, op, Expr(SType.Num, d), Expr(SType.Num, d))));
                foreach (var op in new[] { "==", "!=" })
                    choices.Add((2, () =>
                    {
                        var k = Pick(new[] { SType.Num, SType.Str, SType.Bool, SType.NumArr, SType.OptNum });
                        return Bin(t, op, Expr(k, d), Expr(k, d));
                    }));
                foreach (var op in new[] { "&&", "||" }) choices.Add((3, () => Bin(t, op, Expr(t, d), Expr(t, d))));
                choices.Add((2, () => new SExpr("un", t, [Expr(t, d)], "!")));
                choices.Add((1, () => new SExpr("method", t, [Expr(SType.NumArr, d), Expr(SType.Num, d)], "includes")));
                choices.Add((1, () => Builtin(t, Pick(new[] { "includes", "startsWith" }), Expr(SType.Str, d), Expr(SType.Str, d))));
                choices.Add((1, () => Builtin(t, Pick(new[] { "is_some", "is_none" }), Expr(SType.OptNum, d))));
                break;
            case SType.NumArr:
                choices.Add((4, () => new SExpr("array", t, Enumerable.Range(0, _r.Next(1, 5)).Select(_ => Expr(SType.Num, d)).ToArray())));
                if (FunctionValues().Any()) choices.Add((1, () => Builtin(t, "map", Expr(t, d), Pick(FunctionValues().ToList()))));
                choices.Add((1, () => Builtin(t, "concat", Expr(t, d), Expr(t, d))));
                choices.Add((1, () => new SExpr("method", t, [Expr(t, d), IndexExpr(d), Expr(SType.Num, d)], "slice")));
                break;
            case SType.OptNum:
                choices.Add((4, () => Builtin(t, "Some", Expr(SType.Num, d))));
                break;
            case SType.ResNum:
                choices.Add((3, () => Builtin(t, "Ok", Expr(SType.Num, d))));
                choices.Add((2, () => Builtin(t, "Err", Expr(SType.Str, d))));
                break;
        }
        if (t != SType.Fn) choices.Add((2, () => Match(t, d)));
        if (Current.CallsLeft > 0)
        {
            foreach (int j in Targets().Where(j => _sigs[j].Return == t)) choices.Add((2, () => Call(j, d)));
            if (Current.Recursive is { } self && Current.LoopDepth == 0 && Current.RecursionsLeft > 0 && _sigs[Current.Index].Return == t)
                choices.Add((3, () => RecursiveCall(d)));
        }
        return Weighted(choices)();
    }

    private SExpr Call(int j, int d, bool force = false)
    {
        var f = _sigs[j];
        if (!force && f.Params.Any(p => !CanMake(p.Type))) return Leaf(f.Return);
        Current.CallsLeft--;
        var args = f.Params.Select((p, i) => _recursive[j] && i == 0 ? SExpr.Lit(SType.Num, _r.Next(0, 4).ToString())
            : CanMake(p.Type) ? Expr(p.Type, d) : SExpr.Simplest(p.Type)).ToArray();
        return new SExpr("call", f.Return, args, f.Name);
    }

    /// <summary>f(d - 1, …): only outside loops, at most twice per body, so the call tree stays small.</summary>
    private SExpr RecursiveCall(int d)
    {
        var f = _sigs[Current.Index];
        Current.RecursionsLeft--;
        var args = new List<SExpr> { Bin(SType.Num, "-", SExpr.Var(SType.Num, "d"), SExpr.Lit(SType.Num, "1")) };
        args.AddRange(f.Params.Skip(1).Select(p => CanMake(p.Type) ? Expr(p.Type, d) : SExpr.Simplest(p.Type)));
        return new SExpr("call", f.Return, args.ToArray(), f.Name);
    }

    private SExpr Leaf(SType t)
    {
        var vars = Visible.Where(v => v.Type == t).ToList();
        if (t == SType.Fn) return Pick(FunctionValues().ToList());
        if (vars.Count > 0 && Chance(0.6)) return SExpr.Var(t, Pick(vars).Name);
        return t switch
        {
            SType.Num => SExpr.Lit(t, Pick(Numbers)),
            SType.Str => SExpr.Lit(t, Pick(Strings)),
            SType.Bool => SExpr.Lit(t, Chance(0.5) ? "true" : "false"),
            SType.NumArr => new SExpr("array", t,
                Enumerable.Range(0, _r.Next(1, 4)).Select(_ => SExpr.Lit(SType.Num, Pick(Numbers))).ToArray()),
            SType.OptNum => Chance(0.4) ? SExpr.Lit(t, "None") : Builtin(t, "Some", SExpr.Lit(SType.Num, Pick(Numbers))),
            _ => Chance(0.7)
                ? Builtin(t, "Ok", SExpr.Lit(SType.Num, Pick(Numbers)))
                : Builtin(t, "Err", SExpr.Lit(SType.Str, Pick(Strings))),
        };
    }
}
