using Atlas.Bytecode;
using Atlas.Jit.Codegen;
using Atlas.Jit.Tests.Support;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// Unboxed doubles and bools are an optimisation, never a change of meaning: values of unexpected kinds that reach
/// typed code through <c>?</c> typing or untyped callers behave exactly as in the interpreter.
/// </summary>
[TestClass]
public sealed class TypedSpecialisationTests
{
    [TestMethod]
    public void ANumberFunctionCalledWithAStringFromUntypedCodeRunsThatCallInterpreted()
    {
        var runs = Parity.Check("""
            fn double(x: number) -> number { return x * 2; }
            print(map([1, 2], double));
            print(double(3));
            print(map(["a"], double));
            """);
        var stats = runs[0].Engines[0].Stats;
        Assert.AreEqual(1L, stats.FallbackReasons.GetValueOrDefault(JitEngine.ArgumentFallbackReason), stats.Format());
        StringAssert.Contains(runs[0].Stderr, "Expected numbers");
    }

    [TestMethod]
    public void AnUntypedValueFlowingIntoANumberParameterIsCheckedAtTheEntry()
    {
        Parity.Check("""
            fn inc(x: number) -> number { return x + 1; }
            fn pass(v: number) -> number { return inc(v); }
            print(pass(1));
            print(pass(unwrap(Some("s"))));
            """);
    }

    [TestMethod]
    public void ABoolParameterGivenANumberBehavesLikeTheInterpreter()
    {
        Parity.Check("""
            fn pick(b: bool) -> string { if (b) { return "yes"; } return "no"; }
            print(pick(true));
            print(pick(unwrap(Some(1))));
            print(pick(unwrap(Some(false))));
            """);
    }

    [TestMethod]
    public void ALocalAssignedBothNumbersAndStringsStaysBoxed()
    {
        Parity.Check("""
            fn f(n: number) -> string {
                var x = unwrap(Some(0));
                for (var i = 0; i < n; i++) {
                    if (i % 2 == 0) { x = x + 1; } else { x = str(x) + "!"; }
                }
                return str(x);
            }
            print(f(1));
            print(f(2));
            print(f(3));
            """);
    }

    [TestMethod]
    public void BranchesMergingANumberAndAValueBoxAtTheJoin()
    {
        Parity.Check("""
            fn f(b: bool, s: string) -> bool {
                let t = b && unwrap(Some(s == "x"));
                let u = b || unwrap(Some(true));
                return t || u;
            }
            print(f(true, "x"));
            print(f(false, "y"));
            print(f(true, "y"));
            """);
    }

    [TestMethod]
    public void MixedArithmeticOnBoxedAndUnboxedOperandsKeepsErrorsAndResults()
    {
        Parity.Check("""
            fn f(a: number, xs: number[]) -> number {
                return (a + xs[0]) * (xs[1] - a) / (xs[0] + 1) % 7 - -xs[1];
            }
            print(f(2, [3, 4]));
            print(f(2, unwrap(Some(["a", 1]))));
            """);
        Parity.Check("""
            fn f(a: number, xs: number[]) -> number { return a / xs[0]; }
            print(f(1, [0]));
            """);
        Parity.Check("""
            fn cat(a: string, xs: string[]) -> string { return a + xs[0] + xs[1]; }
            print(cat("a", ["b", "c"]));
            print(cat("a", unwrap(Some([1, "c"]))));
            """);
    }

    [TestMethod]
    public void ANumberParameterThatIsReassignedAStringStaysBoxed()
    {
        // Parameters are immutable in Atlas source; bytecode may still store into them.
        var proto = new Asm("f", arity: 1).Local(StaticType.Number)
            .Const(Value.String("s")).Op(OpCode.SetLocal, 0).Op(OpCode.Pop)
            .Op(OpCode.GetLocal, 0).Op(OpCode.Return).Build();
        Assert.AreEqual(Repr.Value, JitFunction.Create(proto, new JitConfig()).Value.ParamReprs[0]);
        Assert.AreEqual("s", Asm.Call(proto, new JitEngine(new JitConfig { CompilationThreshold = 1 }), Value.Number(1)).AsString);
    }

    [TestMethod]
    public void ALocalReadBeforeAnyStoreStartsAsNullEvenIfOnlyNumbersAreStored()
    {
        // l1 is read on the first iteration before it is stored: it must stay boxed and start as null.
        var proto = new Asm("f", arity: 1).Local(StaticType.Number).Local(StaticType.Number)
            .Mark("top").Op(OpCode.GetLocal, 1)
            .Op(OpCode.GetLocal, 0).Num(0).Op(OpCode.Greater).Jump(OpCode.JumpIfFalse, "done")
            .Op(OpCode.Pop).Num(5).Op(OpCode.SetLocal, 1).Op(OpCode.Pop)
            .Op(OpCode.GetLocal, 0).Num(1).Op(OpCode.Sub).Op(OpCode.SetLocal, 0).Op(OpCode.Pop)
            .Jump(OpCode.Loop, "top")
            .Mark("done").Op(OpCode.Return).Build();
        Assert.AreEqual(Repr.Value, JitFunction.Create(proto, new JitConfig()).Value.Types.Locals[1]);
        foreach (double n in new[] { 0.0, 2.0 })
        {
            var interpreted = Asm.Call(proto, null, Value.Number(n));
            var compiled = Asm.Call(proto, new JitEngine(new JitConfig { CompilationThreshold = 1 }), Value.Number(n));
            Assert.AreEqual(interpreted.Kind, compiled.Kind);
            Assert.AreEqual(interpreted.ToString(), compiled.ToString());
        }
    }

    [TestMethod]
    public void ArithmeticOnNumbersIsCompiledUnboxed()
    {
        var program = Exec.Compile("""
            fn run(n: number) -> number {
                var acc = 0;
                for (var i = 0; i < n; i++) { acc += (i * i) % 7; }
                return acc;
            }
            print(run(10));
            """);
        var run = JitFunction.Create(Exec.Function(program, "run"), new JitConfig()).Value;
        Assert.AreEqual("Double, Long, Long", string.Join(", ", run.Types.Locals), "n is a number parameter; acc and i hold whole numbers");
    }

    [TestMethod]
    public void FunctionsWithManyParametersAreCompiledWithAndWithoutATypedBody()
    {
        var runs = Parity.Check("""
            fn wide(p0: number, p1: number, p2: number, p3: number, p4: number, p5: number, p6: number,
                    p7: number, p8: number, p9: number, p10: number, p11: number, p12: number, p13: number) -> number {
                return p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12 + p13;
            }
            fn edge(p0: number, p1: number, p2: number, p3: number, p4: number, p5: number, p6: number,
                    p7: number, p8: number, p9: number, p10: number, p11: number, p12: number) -> number {
                return p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9 + p10 + p11 + p12;
            }
            fn caller(k: number) -> number {
                return wide(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13) * k + edge(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            }
            print(caller(2));
            print(wide(0, 1, 2, 3, 4, 5, 6, unwrap(Some("x")), 8, 9, 10, 11, 12, 13));
            """, 1, 2);
        Assert.IsEmpty(runs[0].Engines[0].Stats.Rejected);
        var program = Exec.Compile("""
            fn wide(p0: number, p1: number, p2: number, p3: number, p4: number, p5: number, p6: number,
                    p7: number, p8: number, p9: number, p10: number, p11: number, p12: number, p13: number) -> number { return p0; }
            fn edge(p0: number, p1: number, p2: number, p3: number, p4: number, p5: number, p6: number,
                    p7: number, p8: number, p9: number, p10: number, p11: number, p12: number) -> number { return p0; }
            print(wide(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13) + edge(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
            """);
        Assert.IsFalse(JitFunction.Create(Exec.Function(program, "wide"), new JitConfig()).Value.HasTypedBody);
        Assert.IsTrue(JitFunction.Create(Exec.Function(program, "edge"), new JitConfig()).Value.HasTypedBody);
    }

    [TestMethod]
    public void MathBuiltinsOnUnboxedNumbersCallTheSameFunctions()
    {
        Parity.Check("""
            fn f(x: number, y: number) -> number {
                return sqrt(x) + floor(y) + abs(-x) + round(2.5) + min(x, y) + max(x, y) + pow(x, 2) + sign(-0) + ceil(y);
            }
            fn nan(x: number) -> string { let r = sqrt(x); return str(r) + " " + str(r == r) + " " + str(min(r, 1)); }
            print(f(4, 2.5));
            print(nan(-1));
            print(sqrt(unwrap(Some(9))));
            print(sqrt(unwrap(Some("9"))));
            """);
    }

    [TestMethod]
    public void StrOfAnUnboxedNumberIsTheBuiltinsText()
    {
        // str of a long or double argument skips the value stack (NumericBuiltins.IsStrOfNumber): every kind of number
        // must print as the builtin prints it, and str of other kinds still goes through the builtin.
        var runs = Parity.Check("""
            fn texts(k: number) -> string {
                var out = "";
                var big = 1;
                for (var i = 0; i < k; i++) { big = big * 10; }
                out = out + str(big) + " " + str(big * 1000000) + " " + str(0 - big) + " " + str(k / 3) + " ";
                out = out + str(0 * (0 - 1)) + " " + str(sqrt(-1)) + " " + str(pow(10, 400)) + " " + str(1e-7) + " ";
                out = out + str("s") + " " + str(true) + " " + str([k]);
                return out;
            }
            print(texts(15));
            print(texts(2));
            """, 1, 2);
        StringAssert.Contains(runs[0].Stdout, "1000000000000000 ");
        StringAssert.Contains(runs[0].Stdout, " -0 NaN inf ");
    }

    [TestMethod]
    public void ABuiltinCalleeIsInTheFrameWhenAnArgumentDeoptimizes()
    {
        // The constant sqrt is not loaded into its stack slot (only the call uses it); 0 * k is -0 for k = -1, which a
        // long cannot hold: the call continues in the interpreter before sqrt is called, with sqrt in the frame.
        var runs = Parity.Check("""
            fn f(k: number) -> string { return str(sqrt(0 * k)) + str(min(0 * k, 1)); }
            print(f(1));
            print(f(0 - 1));
            """, 1, 2);
        Assert.AreEqual("00\n-0-0\n", runs[0].Stdout);
    }
}
