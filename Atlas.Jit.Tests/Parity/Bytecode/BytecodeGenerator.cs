using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// Generates random <see cref="BProgram"/>s with a consistent typed stack discipline. FsCheck supplies the seed and
/// the size (which scales the number of functions, statements and expression depth); the choices are made by a
/// seeded random source so a case is reproduced from FsCheck's replay seed. Termination is by construction: loops
/// are counted by slots their bodies never assign, function i only calls functions after it, and self-recursion
/// decreases a guarded depth. Calls are rationed per function so call trees stay small.
/// </summary>
public sealed partial class BytecodeGenerator
{
    private static readonly double[] Numbers =
        [0, 1, 2, 3, 4, 5, -1, -2, 0.5, 1.5, -0.0, 10, 100, 7, 0.1, 3.75, 1e308, 1e-7, 67108865, -9007199254740990];
    private static readonly string[] Strings = ["", "a", "bc", "héllo", "🌍x", "A B", "0"];
    private static readonly BType[] AllTypes = [BType.Num, BType.Bool, BType.Str, BType.Arr, BType.Opt, BType.Any];

    private readonly Random _r;
    private readonly int _maxDepth;
    private readonly int _maxStatements;

    private BFunc[] _sigs = [];
    private BFunc[] _funcs = [];
    private BType[] _globals = [];
    private int _definedGlobals;

    // The function being generated.
    private int _fn;
    private List<BType> _locals = new();
    private int _arity;
    private BType[] _upvalues = [];
    private bool _recursive;
    private readonly List<int> _assignable = new();
    private readonly List<int> _readable = new();
    private int _loopDepth, _callsLeft, _recursionsLeft;

    private BytecodeGenerator(int seed, int size)
    {
        _r = new Random(seed);
        _maxDepth = 1 + Math.Min(size, 100) / 30;
        _maxStatements = 2 + Math.Min(size, 100) / 20;
    }

    /// <summary>Random programs, sized by FsCheck.</summary>
    public static Gen<BProgram> Programs =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => new BytecodeGenerator(seed, size).Program()));

    private BProgram Program()
    {
        int functions = _r.Next(Chance(0.1) ? 0 : 1, 3 + _maxStatements / 2);
        _globals = Enumerable.Range(0, _r.Next(0, 4)).Select(_ => Pick(AllTypes)).ToArray();
        _definedGlobals = _globals.Length > 0 && Chance(0.1) ? _globals.Length - 1 : _globals.Length;
        _sigs = Enumerable.Range(0, functions).Select(Signature).ToArray();
        int generated = functions;
        if (Chance(0.15)) _sigs = _sigs.Append(DeepRecursion(functions++)).ToArray();
        Func<BStmt[]>? speculation = null;
        if (Chance(0.25))
        {
            var (extra, script) = Speculation(functions);
            _sigs = _sigs.Concat(extra).ToArray();
            functions += extra.Length;
            speculation = script;
        }
        var funcs = new BFunc[functions];
        for (int i = 0; i < functions; i++) funcs[i] = i < generated ? Function(i) : _sigs[i];
        _funcs = funcs;
        return new BProgram(funcs, _globals, _definedGlobals, Function(-1, speculation));
    }

    /// <summary>A function whose callers may recurse past the depth limit (AT0008 must come at the same call in both tiers).</summary>
    private static BFunc DeepRecursion(int i) =>
        new($"f{i}", 1, [BType.Num], BType.Num, BStmt.Empty,
            new BExpr("add", BType.Num, [new BExpr("rcall", BType.Num, [BExpr.Leaf("num", BType.Num)]), BExpr.Leaf("num", BType.Num, 1)]),
            [], Recursive: true) { Deep = true };

    private BFunc Signature(int i)
    {
        bool closure = Chance(0.25);
        bool recursive = !closure && Chance(0.3);
        // Now and then more parameters than compiled code passes unboxed (JitFunction.MaxTypedArity).
        int arity = Chance(0.04) ? _r.Next(15, 18) : _r.Next(recursive ? 1 : 0, 4);
        var parameters = Enumerable.Range(0, arity).Select(p => recursive && p == 0 ? BType.Num : Pick(AllTypes)).ToArray();
        var upvalues = closure ? Enumerable.Range(0, _r.Next(1, 4)).Select(_ => Pick(AllTypes)).ToArray() : [];
        return new BFunc($"f{i}", arity, parameters, Pick(AllTypes), BStmt.Empty, BExpr.Simplest(BType.Any), upvalues, recursive);
    }

    /// <param name="prefix">Statements put first in the body (top-level code only), made once the script's locals exist.</param>
    private BFunc Function(int index, Func<BStmt[]>? prefix = null)
    {
        var sig = index >= 0 ? _sigs[index] : new BFunc("<script>", 0, [], BType.Any, BStmt.Empty, BExpr.Simplest(BType.Any), [], false);
        _fn = index;
        _locals = sig.Locals.ToList();
        _arity = sig.Arity;
        _upvalues = sig.Upvalues;
        _recursive = sig.Recursive;
        _assignable.Clear();
        _readable.Clear();
        _readable.AddRange(Enumerable.Range(0, _arity));
        _loopDepth = 0;
        _callsLeft = index < 0 ? 8 : 4;
        _recursionsLeft = 2;
        var body = new List<BStmt>();
        for (int i = _r.Next(1, 5); i > 0; i--)
        {
            int slot = NewLocal(Pick(AllTypes));
            // Most locals start with a value; the others are read as null (the VM's initial value) until assigned.
            if (Chance(0.92)) body.Add(BStmt.Simple("set", Expr(_locals[slot], _maxDepth), slot));
            _assignable.Add(slot);
            _readable.Add(slot);
        }
        body.AddRange(Block(_maxStatements, nesting: 0));
        if (prefix != null) body.InsertRange(0, prefix());
        if (index < 0)
        {
            for (int i = _sigs.Length == 0 ? 0 : _r.Next(1, 3); i > 0; i--)
                body.Insert(_r.Next(body.Count + 1), Driver(_r.Next(_sigs.Length)));
            if (StaleGuesses() is { Count: > 0 } stale && Chance(0.7))
            {
                // Compile a caller of f_i while f_i's global holds f_i, rebind it to f_j, call the caller again: its guessed
                // callee (and the result kind it speculated on) is now wrong.
                // First thing in the script, with literal arguments, so that no earlier error cuts it short.
                var (caller, i, j) = Pick(stale);
                body.InsertRange(0, [Driver(caller, literal: true), new BStmt("rebind", [], [], i, j), Driver(caller, literal: true)]);
            }
        }
        var result = Expr(sig.Return, _maxDepth);
        return sig with { Locals = _locals.ToArray(), Body = body.ToArray(), Result = result };
    }

    /// <summary>A loop in the script that calls one function several times, so functions get hot and switch tier mid-run.</summary>
    private BStmt Driver(int function, bool literal = false)
    {
        int counter = NewLocal(BType.Num);
        _readable.Add(counter);
        _callsLeft++;
        var call = BStmt.Simple(Chance(0.5) ? "expr" : "print", Call(function, literal ? -1 : _maxDepth - 1));
        _readable.Remove(counter);
        return new BStmt("loop", [], [[call]], counter, _r.Next(2, 7), "for");
    }

    /// <summary>(caller, i, j): the caller calls f_i through its global, and f_i's global may be rebound to f_j.</summary>
    private List<(int, int, int)> StaleGuesses()
    {
        var rebinds = Rebinds();
        var found = new List<(int, int, int)>();
        for (int k = 0; k < _funcs.Length; k++)
            foreach (int i in GlobalCallees(_funcs[k]))
                foreach (var (from, to) in rebinds.Where(r => r.Item1 == i)) found.Add((k, from, to));
        // Calls speculate on a number or bool result: the new callee must return something else (with the same arity,
        // or the call fails before its result matters).
        return found.Where(t => _sigs[t.Item2].Return is BType.Num or BType.Bool && _sigs[t.Item2].Return != _sigs[t.Item3].Return
            && _sigs[t.Item2].Arity == _sigs[t.Item3].Arity).ToList();
    }

    private static IEnumerable<int> GlobalCallees(BFunc f)
    {
        static IEnumerable<BExpr> Exprs(BStmt s) => s.Exprs.Concat(s.Blocks.SelectMany(b => b.SelectMany(Exprs)));
        static IEnumerable<BExpr> Nodes(BExpr x) => x.Kids.SelectMany(Nodes).Prepend(x);
        return f.Body.SelectMany(Exprs).Append(f.Result).SelectMany(Nodes).Where(x => x.Op == "callg").Select(x => x.Index).Distinct();
    }

    private int NewLocal(BType type)
    {
        _locals.Add(type);
        return _locals.Count - 1;
    }

    private bool Chance(double p) => _r.NextDouble() < p;
    private T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];
    private double Number() => Pick(Numbers);

    /// <summary>A number that is usually a valid small index (and sometimes not: negative, fractional, too big).</summary>
    private BExpr IndexExpr(int depth) =>
        Chance(0.85) ? BExpr.Leaf("num", BType.Num, Chance(0.7) ? 0 : 1)
        : Chance(0.5) ? BExpr.Leaf("num", BType.Num, Pick(new[] { -1, 0.5, 5, 2 }))
        : Expr(BType.Num, depth - 1);

    /// <summary>Functions the current one may call: those after it (the script may call all), without recursion.</summary>
    private IEnumerable<int> Callees(Func<BFunc, bool> fits) =>
        Enumerable.Range(_fn + 1, _sigs.Length - _fn - 1).Where(j => fits(_sigs[j]));
}
