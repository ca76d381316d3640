namespace Atlas.Jit.Tests.TierParity.Bytecode;

public sealed partial class BytecodeGenerator
{
    private static BExpr Node(string op, BType type, params BExpr[] kids) => new(op, type, kids);

    /// <summary>An expression of type <paramref name="t"/>, at most <paramref name="depth"/> levels deep.</summary>
    private BExpr Expr(BType t, int depth)
    {
        if (depth <= 0 || Chance(0.25)) return Leaf(t);
        var choices = new List<(int, Func<BExpr>)> { (2, () => Leaf(t)) };
        int d = depth - 1;
        // An operand that is statically a number, or (rarely) anything: the runtime then decides, maybe with a type error.
        BExpr NumOperand() => Chance(0.97) ? Expr(BType.Num, d) : Expr(BType.Any, d);
        BExpr BoolOperand() => Chance(0.97) ? Expr(BType.Bool, d) : Expr(BType.Any, d);
        switch (t)
        {
            case BType.Num:
                foreach (var op in new[] { "add", "sub", "mul", "add", "sub", "mul", "div", "mod" }) choices.Add((2, () => Node(op, t, NumOperand(), NumOperand())));
                choices.Add((1, () => Node("neg", t, NumOperand())));
                choices.Add((2, () => Node("len", t, Expr(BType.Arr, d))));
                choices.Add((3, () => Node("index", t, Expr(BType.Arr, d), IndexExpr(d))));
                choices.Add((1, () => Node("dupadd", t, Expr(BType.Num, d))));
                choices.Add((1, () => Node("checknum", t, Expr(Chance(0.8) ? BType.Num : BType.Any, d)) with { Index = _r.Next(3) }));
                choices.Add((1, () => Node("optor", t, Expr(BType.Opt, d), Expr(BType.Num, d))));
                choices.Add((1, () => Node("builtin", t, Expr(BType.Num, d)) with { Text = Chance(0.5) ? "abs" : "sqrt" }));
                choices.Add((1, () => Node("builtin", t, Expr(Chance(0.5) ? BType.Str : BType.Arr, d)) with { Text = "len" }));
                choices.Add((1, () => Node("builtin", t, Expr(BType.Opt, d)) with { Text = "unwrap" }));
                choices.Add((1, () => Node("method", t, Expr(BType.Arr, d), Expr(BType.Num, d)) with { Text = "indexOf" }));
                choices.Add((1, AccumulatingLoop(d)));
                // Like the compiler's `?`: a Return in the middle of an expression, with operands still on the stack.
                if ((_fn < 0 ? BType.Any : _sigs[_fn].Return) is BType.Opt or BType.Any)
                    choices.Add((1, () => Node("optret", t, Expr(BType.Opt, d))));
                break;
            case BType.Bool:
                foreach (var op in new[] { "lt", "le", "gt", "ge" }) choices.Add((2, () => Node(op, t, NumOperand(), NumOperand())));
                foreach (var op in new[] { "eq", "ne" })
                    choices.Add((2, () => { var a = Pick(AllTypes); return Node(op, t, Expr(a, d), Expr(Chance(0.8) ? a : Pick(AllTypes), d)); }));
                choices.Add((2, () => Node("not", t, BoolOperand())));
                choices.Add((3, () => Node(Chance(0.5) ? "and" : "or", t, BoolOperand(), BoolOperand())));
                choices.Add((1, () => Node("isarr", t, Expr(Pick(AllTypes), d))));
                choices.Add((1, () => Node("method", t, Expr(BType.Arr, d), Expr(BType.Num, d)) with { Text = "includes" }));
                break;
            case BType.Str:
                choices.Add((3, () => Node("concat", t, Expr(BType.Str, d), Expr(BType.Str, d))));
                choices.Add((2, () => Node("builtin", t, Expr(Pick(AllTypes), d)) with { Text = "str" }));
                break;
            case BType.Arr:
                choices.Add((3, () => Node("array", t, Enumerable.Range(0, _r.Next(Chance(0.1) ? 0 : 1, 5)).Select(_ => Expr(BType.Num, d)).ToArray())));
                break;
            case BType.Opt:
                choices.Add((3, () => Node("builtin", t, Expr(BType.Num, d)) with { Text = "Some" }));
                break;
            case BType.Any:
                choices.Add((4, () => Expr(Pick(AllTypes), d)));
                choices.Add((1, () => { var k = Chance(0.5) ? BType.Num : BType.Str; return Node("concat", BType.Any, Expr(k, d), Expr(Chance(0.9) ? k : BType.Any, d)); }));
                break;
        }
        choices.Add((2, () => Conditional(t, d)));
        choices.Add((1, () => Node("seq", t, Expr(Pick(AllTypes), d), Expr(t, d))));
        if (_callsLeft > 0) AddCalls(choices, t, d);
        return Weighted(choices)();
    }

    private BExpr Conditional(BType t, int d)
    {
        var c = Chance(0.9) ? Expr(BType.Bool, d) : Expr(BType.Any, d);
        // An Any conditional may merge two different kinds of value.
        var a = Expr(t == BType.Any ? Pick(AllTypes) : t, d);
        var b = Expr(t == BType.Any ? Pick(AllTypes) : t, d);
        return Node("cond", t, c, a, b);
    }

    private Func<BExpr> AccumulatingLoop(int d) => () =>
    {
        int counter = NewLocal(BType.Num);
        var init = Expr(BType.Num, d);
        _loopDepth++;
        _readable.Add(counter);
        var body = Expr(BType.Num, d);
        _readable.Remove(counter);
        _loopDepth--;
        return new BExpr("accloop", BType.Num, [init, body], _r.Next(0, 5), "", counter);
    };

    private void AddCalls(List<(int, Func<BExpr>)> choices, BType t, int d)
    {
        bool Fits(BFunc f) => t == BType.Any || f.Return == t;
        foreach (int j in Callees(f => Fits(f))) choices.Add((2, () => Call(j, d)));
        if (_recursive && _loopDepth == 0 && _recursionsLeft > 0 && Fits(_sigs[_fn]))
        {
            var self = _sigs[_fn];
            choices.Add((3, () =>
            {
                _recursionsLeft--;
                var kids = new List<BExpr> { Expr(self.Return, d) };
                kids.AddRange(Arguments(self, d).Skip(1));
                return new BExpr("rcall", self.Return, kids.ToArray());
            }));
        }
    }

    /// <summary>A call of function <paramref name="j"/>: through its global, its constant, or a closure made on the spot.</summary>
    private BExpr Call(int j, int d)
    {
        var f = _sigs[j];
        _callsLeft--;
        if (f.IsClosure)
        {
            var captures = f.Upvalues.Select(u => Expr(u, d)).ToList();
            captures.AddRange(Arguments(f, d));
            return new BExpr("callc", f.Return, captures.ToArray(), f.Arity, "", j);
        }
        return new BExpr(Chance(0.5) ? "callg" : "callk", f.Return, Arguments(f, d), 0, "", j);
    }

    private BExpr[] Arguments(BFunc f, int d) => f.Locals.Take(f.Arity).Select((type, i) =>
        f.Recursive && i == 0 ? BExpr.Leaf("num", BType.Num, f.Deep ? Pick(new[] { 3, 100, 398, 399, 400, 1000 }) : _r.Next(0, 4))
        // Rarely an argument the parameter's static type does not promise: compiled code must check and fall back.
        : Chance(0.03) ? Expr(BType.Any, d)
        : Expr(type, d)).ToArray();

    private BExpr Leaf(BType t)
    {
        var choices = new List<(int, Func<BExpr>)>();
        var locals = _readable.Where(s => t == BType.Any || _locals[s] == t).ToList();
        if (locals.Count > 0) choices.Add((6, () => BExpr.Leaf(Chance(0.8) ? "local" : "borrow", t, 0, "", Pick(locals))));
        var globals = Enumerable.Range(0, _globals.Length).Where(g => t == BType.Any || _globals[g] == t).ToList();
        if (globals.Count > 0) choices.Add((2, () => BExpr.Leaf(Chance(0.8) ? "global" : "gborrow", t, 0, "", Pick(globals))));
        var upvalues = Enumerable.Range(0, _upvalues.Length).Where(u => t == BType.Any || _upvalues[u] == t).ToList();
        if (upvalues.Count > 0) choices.Add((3, () => BExpr.Leaf(Chance(0.8) ? "upval" : "uborrow", t, 0, "", Pick(upvalues))));
        choices.Add((4, () => Literal(t)));
        return Weighted(choices)();
    }

    private BExpr Literal(BType t) => t switch
    {
        BType.Num => BExpr.Leaf("num", t, Number()),
        BType.Bool => BExpr.Leaf(Chance(0.5) ? "true" : "false", t),
        BType.Str => BExpr.Leaf("str", t, 0, Pick(Strings)),
        BType.Arr => Node("array", t, Enumerable.Range(0, _r.Next(Chance(0.1) ? 0 : 1, 5)).Select(_ => BExpr.Leaf("num", BType.Num, Number())).ToArray()),
        BType.Opt => Chance(0.5) ? BExpr.Leaf("none", t) : Node("builtin", t, BExpr.Leaf("num", BType.Num, Number())) with { Text = "Some" },
        _ => Chance(0.5) ? BExpr.Leaf("null", t) : Literal(Pick(AllTypes)) with { Type = BType.Any },
    };
}
