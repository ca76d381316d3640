using Atlas.Bytecode;
using Atlas.Jit.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Tiering;

/// <summary>A function the JIT cannot compile stays interpreted, still gives the right output, and the stats say why.</summary>
[TestClass]
public sealed class FallbackTests
{
    private const string Program = """
        fn inner(x: number) -> number { return x * 2; }
        fn outer(xs: number[]) -> number {
            var s = 0;
            for x in xs { s = s + inner(x); }
            return s;
        }
        print(outer([1, 2, 3]));
        print(map([1, 2], inner));
        """;

    [TestMethod]
    public void AFunctionWithAnUnsupportedOpcodeStaysInterpretedAndTheStatsSayWhy()
    {
        var interpreted = Exec.Run(Program, null);
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1, DisabledOpcodes = new HashSet<OpCode> { OpCode.CheckIterable } });
        var compiled = Exec.Run(Program, engine);
        Assert.AreEqual(interpreted.Output, compiled.Output);

        var outer = Exec.Function(compiled.Program, "outer");
        Assert.IsTrue(outer.JitRejected);
        Assert.IsNull(outer.Compiled);
        Assert.IsNotNull(Exec.Function(compiled.Program, "inner").Compiled, "the callee is still compiled");
        var stats = engine.Stats;
        Assert.AreEqual(1, stats.FallbackReasons["unsupported opcode CheckIterable"], stats.Format());
        CollectionAssert.Contains(stats.Rejected.ToList(), ("outer", "unsupported opcode CheckIterable"));
        StringAssert.Contains(stats.Format(), "outer: unsupported opcode CheckIterable");
    }

    [TestMethod]
    public void TryCompileReportsTheUnsupportedOpcodeWithoutThrowing()
    {
        var engine = new JitEngine(new JitConfig { Synchronous = true, DisabledOpcodes = new HashSet<OpCode> { OpCode.Mul } });
        var inner = Exec.Function(Exec.Compile(Program), "inner");
        var result = engine.TryCompile(inner);
        Assert.IsFalse(result.IsSuccess);
        Assert.AreEqual(JitErrorKind.UnsupportedOpcode, result.Error!.Kind);
        Assert.AreEqual(JitError.UnsupportedOpcode(OpCode.Mul), result.Error);
    }

    [TestMethod]
    public void AReservedOpcodeIsUnsupported()
    {
        // And/Or are reserved (the validator rejects them); a prototype marked valid anyway must not reach codegen.
        var proto = new Asm("f").Op(OpCode.True).Op(OpCode.False).Op(OpCode.And).Op(OpCode.Return).Build(validate: false);
        proto.Validated = true;
        var result = new JitEngine().TryCompile(proto);
        Assert.AreEqual(JitError.UnsupportedOpcode(OpCode.And), result.Error);
    }

    [TestMethod]
    public void AnUnvalidatedPrototypeIsInvalidBytecode()
    {
        var proto = new Asm("f").Op(OpCode.Null).Op(OpCode.Return).Build(validate: false);
        var result = new JitEngine().TryCompile(proto);
        Assert.AreEqual(JitErrorKind.InvalidBytecode, result.Error!.Kind);
    }

    [TestMethod]
    public void ADisabledEngineNeverCompiles()
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1, Enabled = false });
        var run = Exec.Run(Program, engine);
        Assert.AreEqual(Exec.Run(Program, null).Output, run.Output);
        Assert.IsTrue(run.Program.Functions.All(f => f.Compiled == null));
        Assert.AreEqual(0, engine.Stats.FunctionsCompiled);
    }

    [TestMethod]
    public void TheSystemBackendAloneCompilesEverything()
    {
        var engine = new JitEngine(new JitConfig { CompilationThreshold = 1, Backend = JitBackend.System });
        var run = Exec.Run(Program, engine);
        Assert.AreEqual(Exec.Run(Program, null).Output, run.Output);
        Assert.AreEqual(0, engine.Stats.FastCompiles);
        Assert.AreEqual(engine.Stats.FunctionsCompiled, engine.Stats.SystemCompiles, engine.Stats.Format());
    }

    [TestMethod]
    public void ResultTypeCarriesValueOrError()
    {
        var ok = JitResult<int>.Ok(3);
        JitResult<int> fail = JitError.CacheFull(0);
        Assert.IsTrue(ok.IsSuccess);
        Assert.AreEqual(3, ok.Value);
        Assert.IsFalse(fail.IsSuccess);
        Assert.AreEqual(JitErrorKind.CacheFull, fail.Error!.Kind);
        Assert.ThrowsExactly<InvalidOperationException>(() => _ = fail.Value);
        Assert.AreEqual(JitErrorKind.CacheFull, fail.Then(v => JitResult<string>.Ok(v.ToString())).Error!.Kind);
        Assert.AreEqual("3", ok.Then(v => JitResult<string>.Ok(v.ToString())).Value);
        Assert.AreEqual(JitErrorKind.ExecutionError, JitError.ExecutionError("x").Kind);
    }
}
