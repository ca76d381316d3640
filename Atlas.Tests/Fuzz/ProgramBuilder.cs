using System.Text;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// Builds one random, mostly well-typed Atlas program (generator (d)): globals, functions (recursive ones, closures,
/// Result-returning ones using <c>?</c>), then top-level statements. Loops are bounded by a counter, strings and arrays
/// grow at most additively, and a few operations that fail at run time are mixed in on purpose.
/// </summary>
public sealed partial class ProgramBuilder
{
    private sealed record Variable(string Name, FuzzType Type, bool Mutable);
    private sealed record UserFunction(string Name, FuzzType[] Params, FuzzType Return);
    private sealed class FunctionContext(FuzzType? returnType)
    {
        public FuzzType? Return { get; } = returnType;
    }

    private readonly Random _random;
    private readonly int _size;
    private readonly StringBuilder _out = new();
    private readonly List<List<Variable>> _scopes = [[]];
    private readonly List<UserFunction> _functions = [];
    private int _callable;
    private int _names;
    private int _indent;
    private int _loopDepth;
    private int _blockDepth;
    private FunctionContext? _function;
    // While generating the right-hand side of an assignment: how many more variables of a growing type it may mention.
    private int _aggregateRefs = int.MaxValue;

    private ProgramBuilder(int seed, int size)
    {
        _random = new Random(seed);
        _size = Math.Clamp(size, 1, 100);
    }

    public static string Build(int seed, int size) => new ProgramBuilder(seed, size).BuildProgram();

    private string BuildProgram()
    {
        int globals = _random.Next(1, 3 + _size / 20);
        for (int i = 0; i < globals; i++) VarDecl(top: true);
        int functions = _random.Next(0, 2 + _size / 25);
        for (int i = 0; i < functions; i++) FunctionDecl();
        if (Chance(30)) ClosureFactory();
        if (Chance(30)) RecursiveFunction();
        if (Chance(25)) ResultFunctions();
        if (Chance(8)) StressStatement();
        _callable = _functions.Count;
        int statements = _random.Next(2, 4 + _size / 8);
        for (int i = 0; i < statements; i++) Statement();
        if (Chance(30)) Line($"{Expr(Pick(FuzzTypes.All), 2)};");
        return _out.ToString();
    }

    // ----- helpers -----

    private bool Chance(int percent) => _random.Next(100) < percent;
    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    private string Fresh(string prefix) => prefix + _names++;

    private void Line(string text)
    {
        _out.Append(' ', 4 * _indent).Append(text).Append('\n');
    }

    private void Declare(string name, FuzzType type, bool mutable) => _scopes[^1].Add(new Variable(name, type, mutable));

    private IEnumerable<Variable> Visible() => _scopes.SelectMany(s => s);

    private List<Variable> VisibleOf(FuzzType type, bool mutableOnly = false) =>
        Visible().Where(v => v.Type == type && (!mutableOnly || v.Mutable)).ToList();

    /// <summary>Emits <c>header { body }</c>; the body gets its own scope.</summary>
    private void Block(string header, Action body)
    {
        Line(header.Length == 0 ? "{" : header + " {");
        Body(body);
        Line("}");
    }

    private void Body(Action body)
    {
        _indent++;
        _blockDepth++;
        _scopes.Add([]);
        body();
        _scopes.RemoveAt(_scopes.Count - 1);
        _blockDepth--;
        _indent--;
    }

    private void Statements(int max)
    {
        int count = _random.Next(1, Math.Max(2, max) + 1);
        for (int i = 0; i < count; i++) Statement();
    }

    // ----- functions -----

    private static readonly (FuzzType[] Params, FuzzType Return)[] Signatures =
    [
        ([FuzzType.Num], FuzzType.Num), ([FuzzType.Num, FuzzType.Num], FuzzType.Num), ([FuzzType.Str], FuzzType.Num),
        ([FuzzType.Num], FuzzType.Str), ([FuzzType.Num], FuzzType.Bool), ([FuzzType.NumArr], FuzzType.Num),
        ([], FuzzType.Num), ([FuzzType.Str, FuzzType.Num], FuzzType.Str), ([FuzzType.OptNum], FuzzType.Num),
        ([FuzzType.Num], FuzzType.NumArr), ([FuzzType.Num], FuzzType.ResNum),
    ];

    private void FunctionDecl()
    {
        var (parameters, returnType) = Pick(Signatures);
        var name = Fresh("f");
        // Every third top-level function is exported (language.md §15), which a single file must accept and ignore;
        // decided from the name counter, not the random stream, so existing seeds still generate the same programs.
        FunctionBody(name, parameters, returnType, () => Statements(2 + _size / 30), exported: _names % 3 == 0);
        _functions.Add(new UserFunction(name, parameters, returnType));
        _callable = _functions.Count;
    }

    /// <summary>
    /// Emits <c>fn name(params) -> ret { body; return …; }</c>; only earlier functions are callable inside, so calls terminate.
    /// </summary>
    private void FunctionBody(string name, FuzzType[] parameters, FuzzType returnType, Action body, Action? prologue = null, bool exported = false)
    {
        var names = parameters.Select(_ => Fresh("p")).ToArray();
        var header = $"{(exported ? "export " : "")}fn {name}({string.Join(", ", names.Zip(parameters, (n, t) => $"{n}: {t.Annotation()}"))}) -> {returnType.Annotation()}";
        var saved = (_function, _loopDepth, _aggregateRefs);
        _function = new FunctionContext(returnType);
        _loopDepth = 0;
        _aggregateRefs = int.MaxValue;
        Block(header, () =>
        {
            for (int i = 0; i < names.Length; i++) Declare(names[i], parameters[i], mutable: false);
            prologue?.Invoke();
            body();
            Line($"return {Expr(returnType, 2)};");
        });
        (_function, _loopDepth, _aggregateRefs) = saved;
    }

    /// <summary>A function returning a closure that captures its parameter and a local (capture by value).</summary>
    private void ClosureFactory()
    {
        var name = Fresh("mk");
        var header = $"fn {name}(k: number) -> (number) -> number";
        var saved = (_function, _loopDepth);
        _function = new FunctionContext(FuzzType.FnNum);
        _loopDepth = 0;
        Block(header, () =>
        {
            var local = Fresh("c");
            Line($"var {local} = k * 2;");
            var inner = Fresh("in");
            Line($"fn {inner}(x: number) -> number {{ return x + k + {local}; }}");
            Line($"{local} = {local} + 1;");
            Line($"return {inner};");
        });
        (_function, _loopDepth) = saved;
        _functions.Add(new UserFunction(name, [FuzzType.Num], FuzzType.FnNum));
        _callable = _functions.Count;
    }

    /// <summary>Self-recursion with a decreasing counter; called with a small argument, or rarely a huge one (AT0008).</summary>
    private void RecursiveFunction()
    {
        var name = Fresh("rec");
        var saved = (_function, _loopDepth);
        _function = new FunctionContext(FuzzType.Num);
        _loopDepth = 0;
        Block($"fn {name}(n: number) -> number", () =>
        {
            Declare("n", FuzzType.Num, mutable: false);
            Line($"if (n <= 0) {{ return {Expr(FuzzType.Num, 1)}; }}");
            if (Chance(50)) Statement();
            Line($"return {name}(n - 1) + {Expr(FuzzType.Num, 1)};");
        });
        (_function, _loopDepth) = saved;
        _functions.Add(new UserFunction(name, [FuzzType.Num], FuzzType.Num));
        _callable = _functions.Count;
        Line($"print({name}({(Chance(5) ? "100000" : _random.Next(0, 30).ToString())}));");
    }

    /// <summary>A Result-returning division and a caller that propagates its error with <c>?</c>.</summary>
    private void ResultFunctions()
    {
        var div = Fresh("div");
        Line($"fn {div}(a: number, b: number) -> Result<number, string> {{");
        Line("    if (b == 0) { return Err(\"division by zero\"); }");
        Line("    return Ok(a / b);");
        Line("}");
        _functions.Add(new UserFunction(div, [FuzzType.Num, FuzzType.Num], FuzzType.ResNum));
        var use = Fresh("use");
        FunctionBody(use, [FuzzType.Num], FuzzType.ResNum, () =>
        {
            var v = Fresh("v");
            Line($"let {v} = {div}({Expr(FuzzType.Num, 1)}, {(Chance(60) ? Expr(FuzzType.Num, 0) : "0")})?;");
            Declare(v, FuzzType.Num, mutable: false);
            if (Chance(50)) Statement();
        });
        _functions.Add(new UserFunction(use, [FuzzType.Num], FuzzType.ResNum));
        _callable = _functions.Count;
    }
}
