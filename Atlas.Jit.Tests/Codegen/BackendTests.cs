using System.Linq.Expressions;
using Atlas.Jit.Codegen;
using Atlas.Jit.Tests.Support;
using Atlas.Jit.Tiering;
using Atlas.Tests.Support;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// The two expression compilers agree, and the generated trees never contain the shapes FastExpressionCompiler 6 is
/// known to miscompile (increments on doubles, Loop nodes with break/continue out of try, array elements by
/// reference, nested lambdas) or rejects.
/// </summary>
[TestClass]
public sealed class BackendTests
{
    public static IEnumerable<object[]> Cases => CorpusRunner.Cases();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void FastAndSystemCompiledCodePrintTheSame(string file)
    {
        var path = Path.Combine(CorpusRunner.CorpusRoot, file);
        var fast = Runs.File(path, () => new JitEngine(new JitConfig { CompilationThreshold = 1, Backend = JitBackend.Fast }));
        var system = Runs.File(path, () => new JitEngine(new JitConfig { CompilationThreshold = 1, Backend = JitBackend.System }));
        Assert.AreEqual(system.Stdout, fast.Stdout, file);
        Assert.AreEqual(system.Stderr, fast.Stderr, file);
        foreach (var engine in fast.Engines)
            Assert.AreEqual(0, engine.Stats.SystemCompiles, $"{file}: FEC declined a tree\n{engine.Stats.Format()}");
    }

    [TestMethod]
    public void NoGeneratedTreeHasAForbiddenShape()
    {
        int trees = 0;
        foreach (var file in CorpusRunner.Cases().Select(c => (string)c[0]))
        {
            var outcome = Atlas.Hosting.Pipeline.Compile(File.ReadAllText(Path.Combine(CorpusRunner.CorpusRoot, file)));
            if (!outcome.Success) continue;
            var engine = new JitEngine();
            foreach (var proto in outcome.Program!.Functions)
            {
                var fn = JitFunction.Create(proto, engine.Config).Value;
                var body = new FunctionTranslator(fn, _ => null, engine.FunctionFor).BuildBody();
                AssertSafe(body, $"{file}: {proto.Name}");
                for (int pc = 0; pc < fn.Types.IsJumpTarget.Length; pc++)
                {
                    if (!fn.Types.IsJumpTarget[pc] || fn.Types.In[pc] is not { Length: 0 }) continue;
                    AssertSafe(new FunctionTranslator(fn, _ => null, engine.FunctionFor, forLoopEntry: true).BuildLoopEntry(pc)!,
                        $"{file}: {proto.Name} loop {pc}");
                }
                // The entry embeds the compiled body as a constant; its shape does not depend on which delegate.
                if (fn.HasTypedBody)
                    AssertSafe(new FunctionTranslator(fn, _ => null, engine.FunctionFor).BuildEntry(null!), $"{file}: {proto.Name} entry");
                trees++;
            }
        }
        Assert.IsGreaterThan(500, trees);
    }

    private static void AssertSafe(Expression tree, string what)
    {
        var problems = ShapeChecker.Problems(tree);
        Assert.IsEmpty(problems, $"{what}: {string.Join("; ", problems)}");
    }

    [TestMethod]
    public void TheShapeCheckerFindsEveryForbiddenShape()
    {
        var d = Expression.Variable(typeof(double), "d");
        var arr = Expression.Variable(typeof(int[]), "arr");
        var brk = Expression.Label("brk");
        Assert.HasCount(1, ShapeChecker.Problems(Expression.Block([d], Expression.PreIncrementAssign(d))));
        Assert.HasCount(1, ShapeChecker.Problems(Expression.Block([d], Expression.PostDecrementAssign(d))));
        Assert.HasCount(1, ShapeChecker.Problems(Expression.Loop(Expression.Break(brk), brk)));
        var byRef = typeof(BackendTests).GetMethod(nameof(Bump),
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        Assert.HasCount(1,
            ShapeChecker.Problems(Expression.Block([arr], Expression.Call(byRef, Expression.ArrayAccess(arr, Expression.Constant(0))))));
        var inner = Expression.Lambda<Func<double>>(d);
        Assert.HasCount(1, ShapeChecker.Problems(Expression.Lambda<Func<Func<double>>>(Expression.Block([d], inner))));
        Assert.IsEmpty(ShapeChecker.Problems(
            Expression.Lambda<Func<double>>(Expression.Block([d], Expression.Assign(d, Expression.Add(d, Expression.Constant(1.0)))))));
        var u = Expression.Variable(typeof(ulong), "u");
        Assert.HasCount(1, ShapeChecker.Problems(Expression.Block(typeof(bool), [u], Expression.LessThan(u, Expression.Constant(10UL)))));
    }

    /// <summary>
    /// Why the shape checker refuses comparisons of unsigned operands: FastExpressionCompiler 6.0.0 compiles them as signed
    /// ones (the long range tests of compiled arithmetic let −2^53 − 5 through that way). If this starts failing, FEC has
    /// fixed it and the rule can go.
    /// </summary>
    [TestMethod]
    public void FastExpressionCompilerComparesUnsignedOperandsAsSigned()
    {
        var x = Expression.Parameter(typeof(long), "x");
        var below = Expression.Lambda<Func<long, bool>>(
            Expression.LessThan(Expression.Convert(x, typeof(ulong)), Expression.Constant(10UL)), x);
        Assert.IsFalse(below.Compile()(-1), "(ulong)-1 is not below 10");
        Assert.IsTrue(FastExpressionCompiler.ExpressionCompiler.CompileFast(below, ifFastFailedReturnNull: true)!(-1),
            "FastExpressionCompiler 6.0.0 compares as signed");
    }

    private static void Bump(ref int x) => x++;

    [TestMethod]
    public void TheEngineRefusesATreeWithAForbiddenShape()
    {
        // VerifyTrees is on by default: a forbidden node would make the compile fail rather than run miscompiled code.
        Assert.IsTrue(new JitConfig().VerifyTrees);
    }
}
