namespace Atlas.Jit.Tests.TierParity.Bytecode;

public sealed partial class BytecodeGenerator
{
    private BStmt[] Block(int count, int nesting)
    {
        var list = new List<BStmt>();
        for (int i = _r.Next(1, count + 1); i > 0; i--) list.Add(Statement(nesting));
        return list.ToArray();
    }

    private BStmt Statement(int nesting)
    {
        int d = _maxDepth;
        bool canNest = nesting < 2;
        var arrays = _assignable.Where(s => _locals[s] == BType.Arr).ToList();
        var choices = new List<(int Weight, Func<BStmt> Make)>
        {
            (6, () => Assign()),
            (4, () => BStmt.Simple("print", Expr(Pick(AllTypes), d))),
            (2, () => BStmt.Simple("expr", Expr(Pick(AllTypes), d))),
        };
        if (_callsLeft > 0 && Callees(_ => true).Any())
            choices.Add((_fn < 0 ? 10 : 3, () => BStmt.Simple(Chance(0.5) ? "expr" : "print", Call(Pick(Callees(_ => true).ToList()), d))));
        if (_globals.Length > 0) choices.Add((2, () => { int g = _r.Next(_globals.Length); return BStmt.Simple("setg", Expr(_globals[g], d), g); }));
        if (_upvalues.Length > 0) choices.Add((2, () => { int u = _r.Next(_upvalues.Length); return BStmt.Simple("setu", Expr(_upvalues[u], d), u); }));
        if (arrays.Count > 0)
        {
            choices.Add((2, () => new BStmt("setidx", [IndexExpr(d), Expr(BType.Num, d - 1)], [], Pick(arrays))));
            choices.Add((2, () => new BStmt("push", [Expr(BType.Num, d - 1)], [], Pick(arrays))));
        }
        if (canNest)
        {
            choices.Add((3, () => new BStmt("if", [Condition(d)], [Block(2, nesting + 1), Chance(0.5) ? Block(2, nesting + 1) : BStmt.Empty])));
            choices.Add((3, () => Loop(nesting)));
            choices.Add((2, () => ForIn(nesting)));
        }
        if (_loopDepth > 0)
        {
            // Usually conditional, so the rest of the body still runs sometimes.
            choices.Add((1, () => Guarded(new BStmt(Chance(0.5) ? "break" : "continue", [], []))));
        }
        if (_fn >= 0) choices.Add((1, () => Guarded(BStmt.Simple("return", Expr(_sigs[_fn].Return, d)))));
        return Weighted(choices)();
    }

    private BStmt Assign()
    {
        if (_assignable.Count == 0) return BStmt.Simple("print", Expr(BType.Str, _maxDepth));
        int slot = Pick(_assignable);
        var type = _locals[slot] == BType.Any ? Pick(AllTypes) : _locals[slot];
        return BStmt.Simple("set", Expr(type, _maxDepth), slot);
    }

    private BStmt Guarded(BStmt s) => Chance(0.8) ? new BStmt("if", [Condition(_maxDepth - 1)], [[s], BStmt.Empty]) : s;

    private BExpr Condition(int depth) => Chance(0.9) ? Expr(BType.Bool, depth) : Expr(BType.Any, depth);

    private BStmt Loop(int nesting)
    {
        int counter = NewLocal(BType.Num);
        var count = Chance(0.1) ? 0 : _r.Next(1, 6);
        _loopDepth++;
        _readable.Add(counter);
        var body = Block(3, nesting + 1);
        _readable.Remove(counter);
        _loopDepth--;
        return new BStmt("loop", [], [body], counter, count, Chance(0.5) ? "for" : "while");
    }

    private BStmt ForIn(int nesting)
    {
        var source = Chance(0.9) ? Expr(BType.Arr, _maxDepth) : Expr(BType.Any, _maxDepth - 1);
        int slots = NewLocal(BType.Arr);
        NewLocal(BType.Num);
        NewLocal(BType.Num);
        int element = NewLocal(BType.Any);
        _loopDepth++;
        _readable.Add(element);
        var body = Block(3, nesting + 1);
        _readable.Remove(element);
        _loopDepth--;
        return new BStmt("forin", [source], [body], slots);
    }

    private T Weighted<T>(List<(int Weight, T Item)> choices)
    {
        int roll = _r.Next(choices.Sum(c => c.Weight));
        foreach (var (w, item) in choices)
        {
            if (roll < w) return item;
            roll -= w;
        }
        return choices[^1].Item;
    }
}
