using FsCheck;
using FsCheck.Fluent;

namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>
/// Generates random well-typed Atlas programs. FsCheck supplies the seed and size; choices come from a seeded random
/// source, so FsCheck's replay seed reproduces a program. Programs terminate by construction: loops are counted by
/// variables their bodies never assign, top-level function i only calls functions after it, self-recursion passes
/// <c>d - 1</c> under a <c>d &lt;= 0</c> guard, and calls are rationed per function.
/// </summary>
public sealed partial class SourceGenerator
{
    private static readonly SType[] ValueTypes = [SType.Num, SType.Str, SType.Bool, SType.NumArr, SType.OptNum, SType.ResNum];

    /// <summary>A variable in scope (outer functions' variables are visible to nested functions, which capture them).</summary>
    private sealed record Variable(string Name, SType Type, bool Mutable);

    /// <summary>What the function being generated may do.</summary>
    private sealed class Frame
    {
        public int Index;            // top-level function index, -1 for top-level code
        public SType? Return;        // null in top-level code
        public bool Nested;
        public int LoopDepth;
        public int CallsLeft;
        public string? Recursive;    // name of the function whose body this is, when it recurses on d
        public int RecursionsLeft;
    }

    private readonly Random _r;
    private readonly int _maxDepth;
    private readonly int _maxStatements;
    private readonly List<List<Variable>> _scopes = new();
    private readonly Stack<Frame> _frames = new();
    private SFunc[] _sigs = [];
    private bool[] _recursive = [];
    private int _names;

    private SourceGenerator(int seed, int size)
    {
        _r = new Random(seed);
        _maxDepth = 1 + Math.Min(size, 100) / 30;
        _maxStatements = 2 + Math.Min(size, 100) / 25;
    }

    /// <summary>Random programs, sized by FsCheck.</summary>
    public static Gen<SProgram> Programs =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => new SourceGenerator(seed, size).Program()));

    private Frame Current => _frames.Peek();

    private SProgram Program()
    {
        _scopes.Add(new List<Variable>());
        var globals = new List<SStmt>();
        _frames.Push(new Frame { Index = -1, CallsLeft = 0 });
        for (int i = _r.Next(0, 4); i > 0; i--) globals.Add(Declaration(Pick(ValueTypes), global: true));
        _frames.Pop();

        int count = _r.Next(Chance(0.1) ? 0 : 1, 3 + _maxStatements / 2);
        _recursive = Enumerable.Range(0, count).Select(_ => Chance(0.3)).ToArray();
        _sigs = Enumerable.Range(0, count).Select(Signature).ToArray();
        var funcs = Enumerable.Range(0, count).Select(Function).ToArray();

        _frames.Push(new Frame { Index = -1, CallsLeft = 10 });
        var top = new List<SStmt>();
        int statements = _r.Next(1, _maxStatements + 2);
        // Loops that call functions repeatedly, so a mid-run threshold is crossed while the program runs.
        var drivers = Enumerable.Range(0, count == 0 ? 0 : _r.Next(1, 3)).Select(_ => _r.Next(statements + 1)).ToList();
        for (int i = 0; i <= statements; i++)
        {
            foreach (var _ in drivers.Where(at => at == i)) top.Add(Driver());
            if (i < statements) top.Add(Statement(nesting: 0));
        }
        if (Chance(0.5)) top.Add(new SStmt("expr", [Expr(Pick(ValueTypes), _maxDepth)], []));
        _frames.Pop();
        return new SProgram(globals.ToArray(), funcs, top.ToArray());
    }

    private SFunc Signature(int i)
    {
        var ps = new List<(string, SType)>();
        if (_recursive[i]) ps.Add(("d", SType.Num));
        // Now and then more parameters than compiled code passes unboxed (JitFunction.MaxTypedArity).
        for (int n = Chance(0.03) ? 15 : _r.Next(0, 3); n > 0; n--) ps.Add((Fresh("p"), Chance(0.1) ? SType.Fn : Pick(ValueTypes)));
        // Some functions have the shape (number) -> number, so they can be passed around as values.
        if (!_recursive[i] && ps.Count == 1 && Chance(0.5)) return new SFunc($"f{i}", [(ps[0].Item1, SType.Num)], SType.Num, SStmt.Empty);
        return new SFunc($"f{i}", ps.ToArray(), Pick(ValueTypes), SStmt.Empty);
    }

    private SFunc Function(int i)
    {
        var sig = _sigs[i];
        _frames.Push(new Frame { Index = i, Return = sig.Return, CallsLeft = 4, Recursive = _recursive[i] ? sig.Name : null, RecursionsLeft = 2 });
        _scopes.Add(sig.Params.Select(p => new Variable(p.Name, p.Type, false)).ToList());
        var body = new List<SStmt>();
        if (_recursive[i])
        {
            // The base case must not recurse.
            Current.Recursive = null;
            body.Add(new SStmt("if", [Bin(SType.Bool, "<=", SExpr.Var(SType.Num, "d"), SExpr.Lit(SType.Num, "0"))],
                [[new SStmt("return", [Expr(sig.Return, 1)], [])], SStmt.Empty]));
            Current.Recursive = sig.Name;
        }
        body.AddRange(Block(_maxStatements, nesting: 0, newScope: false));
        body.Add(new SStmt("return", [Expr(sig.Return, _maxDepth)], []));
        _scopes.RemoveAt(_scopes.Count - 1);
        _frames.Pop();
        return sig with { Body = body.ToArray() };
    }

    /// <summary>A top-level loop calling one function a few times.</summary>
    private SStmt Driver()
    {
        var counter = Fresh("i");
        _scopes.Add([new Variable(counter, SType.Num, false)]);
        var callable = Targets().Where(j => _sigs[j].Params.All(p => CanMake(p.Type))).ToList();
        var call = callable.Count > 0 ? Call(Pick(callable), _maxDepth - 1, force: true) : Expr(SType.Num, _maxDepth - 1);
        _scopes.RemoveAt(_scopes.Count - 1);
        var stmt = new SStmt("expr", [Chance(0.5) ? call : new SExpr("call", SType.Num, [call], "print")], []);
        return new SStmt("for", [], [[stmt]], counter, _r.Next(2, 7).ToString());
    }

    private string Fresh(string prefix) => prefix + _names++;
    private bool Chance(double p) => _r.NextDouble() < p;
    private T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];

    private IEnumerable<Variable> Visible => _scopes.SelectMany(s => s);
}
