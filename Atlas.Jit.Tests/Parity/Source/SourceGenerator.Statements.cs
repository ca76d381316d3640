namespace Atlas.Jit.Tests.TierParity.Source;

public sealed partial class SourceGenerator
{
    private SStmt[] Block(int count, int nesting, bool newScope = true)
    {
        if (newScope) _scopes.Add(new List<Variable>());
        var list = new List<SStmt>();
        for (int i = _r.Next(1, count + 1); i > 0; i--) list.Add(Statement(nesting));
        if (newScope) _scopes.RemoveAt(_scopes.Count - 1);
        return list.ToArray();
    }

    private SStmt Statement(int nesting)
    {
        int d = _maxDepth;
        var mutable = Visible.Where(v => v.Mutable).ToList();
        var numbers = mutable.Where(v => v.Type == SType.Num).ToList();
        var arrays = Visible.Where(v => v.Type == SType.NumArr).ToList();
        var choices = new List<(int, Func<SStmt>)>
        {
            // A variable holding a function (reassigned later, a call site's guess of its callee goes stale).
            (5, () => Declaration(Chance(0.1) && CanMake(SType.Fn) ? SType.Fn : Pick(ValueTypes), global: false)),
            (4, () => Print(Expr(Chance(0.05) && CanMake(SType.Fn) ? SType.Fn : Pick(ValueTypes), d))),
        };
        if (mutable.Count > 0)
            choices.Add((4, () => Assign(Pick(mutable))));
        if (numbers.Count > 0)
        {
            choices.Add((2, () => new SStmt("compound", [Expr(SType.Num, d - 1)], [], Pick(numbers).Name, Pick(new[] { "+=", "-=", "*=", "/=", "%=" }))));
            choices.Add((1, () => new SStmt("inc", [], [], Pick(numbers).Name, Chance(0.5) ? "++" : "--")));
        }
        if (arrays.Count > 0)
        {
            choices.Add((2, () => new SStmt("setidx", [IndexExpr(d), Expr(SType.Num, d - 1)], [], Pick(arrays).Name, Chance(0.7) ? "=" : "+=")));
            choices.Add((2, () => new SStmt("expr", [new SExpr("method", SType.NumArr, [SExpr.Var(SType.NumArr, Pick(arrays).Name), Expr(SType.Num, d - 1)], "push")], [])));
        }
        if (Current.CallsLeft > 0 && Targets().Any())
            choices.Add((3, () => new SStmt("expr", [Call(Pick(Targets().ToList()), d - 1)], [])));
        if (nesting < 2)
        {
            choices.Add((3, () => If(nesting)));
            choices.Add((2, () => Loop(nesting, "for")));
            choices.Add((2, () => Loop(nesting, "while")));
            choices.Add((2, () => ForIn(nesting)));
            choices.Add((1, () => new SStmt("block", [], [Block(2, nesting + 1)])));
            if (!Current.Nested && _frames.Count <= 2) choices.Add((2, () => NestedFunction(nesting)));
        }
        if (Current.LoopDepth > 0) choices.Add((2, () => Guarded(new SStmt(Chance(0.5) ? "break" : "continue", [], []))));
        if (Current.Return is { } ret) choices.Add((1, () => Guarded(new SStmt("return", [Expr(ret, d)], []))));
        return Weighted(choices)();
    }

    /// <summary>x = e, where a string or array never appears in its own new value (doubling in loops would exhaust memory).</summary>
    private SStmt Assign(Variable v)
    {
        bool hide = v.Type is SType.Str or SType.NumArr;
        int scope = _scopes.FindLastIndex(s => s.Contains(v));
        if (hide) _scopes[scope].Remove(v);
        var value = Expr(v.Type, _maxDepth);
        if (hide) _scopes[scope].Add(v);
        return new SStmt("assign", [value], [], v.Name);
    }

    private SStmt Print(SExpr e) => new("expr", [new SExpr("call", SType.Num, [e], "print")], []);

    /// <summary>let/var with a fresh name. Option, Result, function and some array declarations are annotated, since their initialisers may be of type ?.</summary>
    private SStmt Declaration(SType type, bool global)
    {
        var name = Fresh(global ? "g" : "v");
        bool mutable = Chance(0.7);
        var init = Expr(type, _maxDepth);
        bool annotate = type is SType.OptNum or SType.ResNum or SType.Fn || Chance(0.4);
        _scopes[^1].Add(new Variable(name, type, mutable));
        return new SStmt(mutable ? "var" : "let", [init], [], name, annotate ? STypes.Syntax(type) : "");
    }

    private SStmt Guarded(SStmt s) =>
        Chance(0.8) ? new SStmt("if", [Expr(SType.Bool, _maxDepth - 1)], [[s], SStmt.Empty]) : s;

    private SStmt If(int nesting)
    {
        var cond = Expr(SType.Bool, _maxDepth);
        var then = Block(2, nesting + 1);
        var other = Chance(0.3) ? [If(nesting)] : Chance(0.5) ? Block(2, nesting + 1) : SStmt.Empty;
        return new SStmt("if", [cond], [then, other]);
    }

    /// <summary>A counted loop: the counter is read-only in the body ("while" increments it first, so continue is safe).</summary>
    private SStmt Loop(int nesting, string kind)
    {
        var counter = Fresh(kind == "for" ? "i" : "w");
        _scopes.Add([new Variable(counter, SType.Num, false)]);
        Current.LoopDepth++;
        var body = Block(3, nesting + 1);
        Current.LoopDepth--;
        _scopes.RemoveAt(_scopes.Count - 1);
        var stmt = new SStmt(kind, [], [body], counter, (Chance(0.1) ? 0 : _r.Next(1, 6)).ToString());
        // The while counter is declared in the enclosing scope (it is printed before the loop).
        if (kind == "while") _scopes[^1].Add(new Variable(counter, SType.Num, false));
        return stmt;
    }

    private SStmt ForIn(int nesting)
    {
        var source = Expr(SType.NumArr, _maxDepth);
        var element = Fresh("x");
        _scopes.Add([new Variable(element, SType.Num, false)]);
        Current.LoopDepth++;
        var body = Block(3, nesting + 1);
        Current.LoopDepth--;
        _scopes.RemoveAt(_scopes.Count - 1);
        return new SStmt("forin", [source], [body], element);
    }

    /// <summary>fn hN(aN: number) -> number, capturing whatever it reads; afterwards its name is a function value.</summary>
    private SStmt NestedFunction(int nesting)
    {
        var name = Fresh("h");
        var param = Fresh("a");
        var outer = Current;
        _frames.Push(new Frame { Index = outer.Index, Return = SType.Num, Nested = true, CallsLeft = 2 });
        _scopes.Add([new Variable(param, SType.Num, false)]);
        var body = Block(2, nesting + 1, newScope: false).Append(new SStmt("return", [Expr(SType.Num, _maxDepth)], [])).ToArray();
        _scopes.RemoveAt(_scopes.Count - 1);
        _frames.Pop();
        _scopes[^1].Add(new Variable(name, SType.Fn, false));
        return new SStmt("fn", [], [], name, "", new SFunc(name, [(param, SType.Num)], SType.Num, body));
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
