using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Hosting;
using Atlas.Jit.Tests.TierParity.Bytecode;
using Atlas.Jit.Tests.TierParity.Harness;
using Atlas.Tests.Support;
using Atlas.Vm;
using static Atlas.Tests.Support.Protos;

namespace Atlas.Jit.Tests.TierParity;

/// <summary>One plain test per bug the parity properties found, each run in both tiers where it runs at all.</summary>
[TestClass]
internal sealed class ParityRegressionTests
{
    /// <summary>Runs a program interpreted and at JIT threshold 1; both must end the same way without crashing.</summary>
    private static TierOutcome BothTiers(Func<CompiledProgram> build)
    {
        var interpreted = TierRunner.Execute(build, null);
        var jit = TierRunner.Execute(build, 1);
        ParityCheck.Require(interpreted, jit, 1);
        return interpreted.Outcome;
    }

    private static Func<CompiledProgram> Source(string source) =>
        () => Pipeline.Compile(source).Program ?? throw new InvalidOperationException("does not compile");

    /// <summary>A one-function program; instruction i gets the span [i, i+1).</summary>
    private static Func<CompiledProgram> Script(int[] code, Value[] constants) => () =>
    {
        var p = Make(code, constants, locals: 0, maxStack: 4, name: "<script>");
        int i = 0;
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size) p.Lines.Add(pc, new TextSpan(i, ++i));
        Assert.IsEmpty(BytecodeValidator.Validate(p, 0));
        return new CompiledProgram(p, [p], new GlobalTable());
    };

    // Found by random bytecode: these opcodes trusted the compiler's kind tests and threw InvalidCastException or
    // NullReferenceException on other values; compiled code then also reported the previous instruction's position.
    [TestMethod]
    [DataRow(OpCode.GetArrayLen, "Type error: Expected array, found null")]
    [DataRow(OpCode.ExtractOptionValue, "Type error: Expected Option, found null")]
    [DataRow(OpCode.ExtractResultValue, "Type error: Expected Result, found null")]
    [DataRow(OpCode.UnpackPair, "Type error: Expected an [item, collection] pair")]
    [DataRow(OpCode.Throw, "Type error: null")]
    public void KindTrustingOpcodesRaiseTypeErrorsAtTheirOwnPosition(OpCode op, string message)
    {
        // 1 + 2 first, so compiled code has recorded an earlier position that must not be reported.
        var code = new[] { Op(OpCode.Constant), 0, Op(OpCode.Constant), 0, Op(OpCode.Add), Op(OpCode.Pop), Op(OpCode.Null), Op(op), Op(OpCode.Return) };
        if (op == OpCode.Throw) code = [.. code[..^1], Op(OpCode.Null), Op(OpCode.Return)];
        var outcome = BothTiers(Script(code, [Value.Number(1)]));
        Assert.AreEqual($"AT0001 {message} at [5..6)\n    in <script> [5..6)", outcome.Error);
    }

    // Found by mutated bytecode: a function constant of a closure prototype pushed without MakeClosure passed the
    // validator, and GetUpvalue then indexed past the empty capture array (IndexOutOfRangeException).
    [TestMethod]
    public void ValidatorRejectsAClosurePrototypePushedWithoutItsCaptures()
    {
        var closure = Make([Op(OpCode.GetUpvalue), 0, Op(OpCode.Return)], upvalues: ["u"], name: "g");
        Assert.IsEmpty(BytecodeValidator.Validate(closure, 0));
        var script = Make([Op(OpCode.Constant), 0, Op(OpCode.Call), 0, Op(OpCode.Return)], [Value.Function(new FunctionValue(closure))]);
        var errors = BytecodeValidator.Validate(script, 0);
        Assert.Contains("Constant pushes g without its 1 captured values", string.Join("\n", errors));
    }

    // Found by mutated bytecode: a backward Jump or JumpIfFalse spun forever in both tiers, where no time,
    // cancellation or fuel budget is checked (only Loop checks them).
    [TestMethod]
    public void ValidatorRejectsBackwardJumpsOtherThanLoop()
    {
        var jump = Make([Op(OpCode.Null), Op(OpCode.Pop), Op(OpCode.Jump), 0]);
        Assert.Contains("Jump jumps backward to 0: only Loop may", string.Join("\n", BytecodeValidator.Validate(jump, 0)));
        var branch = Make([Op(OpCode.True), Op(OpCode.JumpIfFalse), 0, Op(OpCode.Null), Op(OpCode.Return)]);
        Assert.Contains("JumpIfFalse jumps backward to 0: only Loop may", string.Join("\n", BytecodeValidator.Validate(branch, 0)));
        var loop = Make([Op(OpCode.Null), Op(OpCode.Pop), Op(OpCode.Loop), 0]);
        Assert.IsEmpty(BytecodeValidator.Validate(loop, 0));
    }

    // Found by mutated bytecode: compiled code checked the time/cancellation/fuel budget on every call, the
    // interpreter only on calls of user functions, so a limit stopped the two tiers at different instructions.
    [TestMethod]
    public void FuelRunsOutAtTheSameInstructionInBothTiers()
    {
        var outcome = BothTiers(Source("fn f() -> number { return 1; }\nwhile (true) { len(\"a\"); f(); }"));
        Assert.AreEqual(RuntimeErrorKind.Cancelled, outcome.ErrorKind);
    }

    // Found by random programs: a string doubled in a loop grew until .NET threw OutOfMemoryException. Both tiers
    // concatenate through ValueOps.Add, which now stops at the stdlib's 2^28-character limit.
    [TestMethod]
    public void ConcatenationPastTheStringLimitIsAMemoryLimitError()
    {
        var s = Value.String(new string('a', (1 << 27) + 1));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => ValueOps.Add(s, s));
        Assert.AreEqual(RuntimeErrorKind.MemoryLimit, e.Kind);
    }

    // Found by random bytecode at a mid-run threshold: a loop entry (on-stack replacement) took a null in an unboxed
    // local for "not assigned yet" and continued with 0 — but the null was real: a call that compiled code speculated
    // would return a number had returned null to the interpreter (its callee's global was rebound).
    [TestMethod]
    public void LoopEntryKeepsANullThatASpeculatedCallReturned()
    {
        static BExpr N(double d) => BExpr.Leaf("num", BType.Num, d);
        static BExpr L(int slot) => BExpr.Leaf("local", BType.Num, 0, "", slot);
        static BExpr CallG(int f, BType t, params BExpr[] args) => new("callg", t, args, 0, "", f);
        static BStmt Loop(int counter, double times, params BStmt[] body) => new("loop", [], [body], counter, times, "for");
        // f0(p0) => f1(0); f1(p0) { l1 = 0; for l2 < 1 { l1 = f2(0) } } => l1; f2 returns 0, f3 returns null.
        var f0 = new BFunc("f0", 1, [BType.Num], BType.Any, [], CallG(1, BType.Num, N(0)), [], false);
        var f1 = new BFunc("f1", 1, [BType.Num, BType.Num, BType.Num], BType.Num,
            [BStmt.Simple("set", N(0), 1), Loop(2, 1, BStmt.Simple("set", CallG(2, BType.Num, N(0)), 1))], L(1), [], false);
        var f2 = new BFunc("f2", 1, [BType.Num], BType.Num, [], N(0), [], false);
        var f3 = new BFunc("f3", 1, [BType.Num], BType.Any, [], BExpr.Leaf("null", BType.Any), [], false);
        // The script's own loop makes it hot; then f2's global holds f3 and f0 runs three times (f1's loop enters compiled code).
        var script = new BFunc("<script>", 0, [BType.Num, BType.Num], BType.Any,
            [Loop(0, 6), new BStmt("rebind", [], [], 2, 3), Loop(1, 3, BStmt.Simple("print", CallG(0, BType.Any, N(0))))],
            BExpr.Leaf("null", BType.Any), [], false);
        var program = new BProgram([f0, f1, f2, f3], [], 0, script);
        var interpreted = TierRunner.Execute(() => BytecodeLowering.Build(program), null);
        var jit = TierRunner.Execute(() => BytecodeLowering.Build(program), 6);
        ParityCheck.Require(interpreted, jit, 6);
        Assert.AreEqual("null\nnull\nnull\n", jit.Outcome.Output);
        Assert.AreEqual(2, jit.Engine!.Stats.LoopEntriesCompiled, jit.Engine.Stats.Format());
    }

    // Found while measuring compiled-code coverage: the compiler listed the script twice in CompiledProgram.Functions.
    [TestMethod]
    public void CompiledProgramListsEachPrototypeOnce()
    {
        var program = Pipeline.Compile("fn f() -> number { return 1; }\nprint(f());").Program!;
        Assert.HasCount(2, program.Functions);
        Assert.AreSame(program.Script, program.Functions[0]);
        Assert.AreEqual("f", program.Functions[1].Name);
    }
}
