namespace Atlas.Jit.Tests.TierParity.Bytecode;

public sealed partial class BytecodeGenerator
{
    /// <summary>
    /// Four functions that make compiled code speculate and then deoptimize: <c>outer(p0)</c> calls <c>middle</c>, which
    /// calls <c>number(p0)</c> — a function returning a number — through its global in a loop and uses the result; both
    /// call sites speculate that the result is an unboxed number. The script calls <c>outer</c> a few times, rebinds
    /// <c>number</c>'s global to <c>other</c> (same arity, another kind of result), and calls <c>outer</c> again: the
    /// calls now return a value of another kind, so compiled code must continue in the interpreter (deoptimize, also
    /// in the middle of a loop and with a result that is handed back out of band) and still do exactly what the
    /// interpreter does.
    /// </summary>
    private (BFunc[] Funcs, Func<BStmt[]> Script) Speculation(int first)
    {
        int outer = first, middle = first + 1, number = first + 2, other = first + 3;
        BExpr N(double d) => BExpr.Leaf("num", BType.Num, d);
        BExpr L(int slot, BType t = BType.Num) => BExpr.Leaf("local", t, 0, "", slot);
        BExpr Call(int f, BType t, BExpr arg) => new("callg", t, [arg], 0, "", f);
        BExpr Node(string op, BType t, params BExpr[] kids) => new(op, t, kids);

        // middle(p0): for l2 < n { l1 = number(p0 + l2); <use l1> } => <result>
        var use = Pick(new Func<BStmt>[]
        {
            () => BStmt.Simple("print", L(1)),
            () => BStmt.Simple("set", Node("array", BType.Arr, L(1), N(1)), 3),
            () => BStmt.Simple("print", Node("eq", BType.Bool, L(1), N(2))),
            () => BStmt.Simple("set", Node("add", BType.Num, L(1), N(1)), 1),
            () => BStmt.Simple("print", Node("cond", BType.Any, Node("lt", BType.Bool, L(1), N(3)), BExpr.Leaf("str", BType.Str, 0, "a"), N(0))),
        })();
        var loop = new BStmt("loop", [], [[BStmt.Simple("set", Call(number, BType.Num, Node("add", BType.Num, L(0), L(2))), 1), use]], 2, _r.Next(1, 4), "for");
        var result = Pick(new[] { L(1), Node("eq", BType.Bool, L(1), L(1)), Node("dupadd", BType.Num, L(1)), Call(number, BType.Num, L(0)) });
        var middleFn = new BFunc($"f{middle}", 1, [BType.Num, BType.Num, BType.Num, BType.Any], result.Type, [BStmt.Simple("set", N(0), 1), loop], result, [], false);

        // outer(p0): l1 = middle(p0); print l1 => l1
        var outerFn = new BFunc($"f{outer}", 1, [BType.Num, result.Type], BType.Any,
            [BStmt.Simple("set", Call(middle, result.Type, L(0)), 1), BStmt.Simple("print", L(1, result.Type))], L(1, BType.Any), [], false);

        var numberFn = new BFunc($"f{number}", 1, [BType.Num], BType.Num, [], Node("add", BType.Num, L(0), N(1)), [], false);
        var otherResult = Pick(new[]
        {
            Node("builtin", BType.Str, L(0)) with { Text = "str" },
            Node("gt", BType.Bool, L(0), N(1)),
            Node("array", BType.Arr, L(0)),
            BExpr.Leaf("null", BType.Any),
        });
        var otherFn = new BFunc($"f{other}", 1, [BType.Num], otherResult.Type, [], otherResult, [], false);

        BStmt[] Script()
        {
            int before = NewLocal(BType.Num), after = NewLocal(BType.Num);
            BStmt Drive(int counter, int times) =>
                new("loop", [], [[BStmt.Simple("print", Call(outer, BType.Any, L(counter)))]], counter, times, "for");
            return [Drive(before, _r.Next(1, 4)), new BStmt("rebind", [], [], number, other), Drive(after, _r.Next(1, 4))];
        }
        return ([outerFn, middleFn, numberFn, otherFn], Script);
    }
}
