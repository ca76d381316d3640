using Atlas.Jit.Codegen;
using Atlas.Jit.Tests.Support;
using Atlas.Jit.Tiering;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// Whole-number locals are held as longs (<see cref="Repr.Long"/>). The results must stay bit-identical to the double
/// arithmetic of the interpreter: leaving ±2^53, producing -0, dividing by zero and entering a compiled loop with a value
/// a long cannot hold all behave exactly as interpreted.
/// </summary>
[TestClass]
public sealed class LongArithmeticTests
{
    [TestMethod]
    public void ACounterThatOutgrowsTwoToThe53ContinuesInTheInterpreter()
    {
        var runs = Parity.Check("""
            fn grow(steps: number) -> number {
                var x = 1;
                for (var i = 0; i < steps; i++) { x = x * 3 + 1; }
                return x;
            }
            print(grow(10));
            print(grow(40));
            print(grow(700));
            """, 1, 2);
        StringAssert.StartsWith(runs[0].Stdout, "88573\n");
        StringAssert.Contains(runs[0].Stderr, "AT0007", "3^700 overflows to infinity, as interpreted");
    }

    [TestMethod]
    public void ResultsThatAreMinusZeroKeepTheirSign()
    {
        Parity.Check("""
            fn f(k: number) -> string {
                var a = 0 - 4;
                var r = a % 2;
                var z = 0;
                var m = z * a;
                var s = 0;
                for (var i = 0; i < k; i++) { s = s + i; }
                return str(r) + " " + str(m) + " " + str(1 / r) + " " + str(1 / m) + " " + str(s);
            }
            print(f(3));
            print(f(4));
            """, 1, 2);
    }

    [TestMethod]
    public void ProductsAroundTheSmallFactorBoundAreExact()
    {
        // Factors below 2^26 multiply as longs; others through the exact 128-bit product (Reprs.ProductOrNone; beyond 2^53
        // the call continues in the interpreter): every product here is printed exactly as the interpreter prints it.
        var runs = Parity.Check("""
            fn pow2(k: number) -> number { var p = 1; for (var i = 0; i < k; i++) { p = p * 2; } return p; }
            fn pick(i: number) -> number {
                if (i == 0) { return 0; }
                if (i == 1) { return 0 - 1; }
                if (i == 2) { return pow2(26) - 1; }
                if (i == 3) { return 1 - pow2(26); }
                if (i == 4) { return pow2(26); }
                if (i == 5) { return 0 - pow2(26); }
                if (i == 6) { return pow2(27); }
                if (i == 7) { return 0 - pow2(27) - 1; }
                return 94906265;
            }
            fn products(k: number) -> string {
                var out = "";
                for (var i = 0; i < k; i++) {
                    for (var j = 0; j < k; j++) {
                        var a = pick(i);
                        var b = pick(j);
                        out = out + str(a * b) + " ";
                    }
                }
                return out;
            }
            print(products(9));
            """, 1, 2);
        StringAssert.Contains(runs[0].Stdout, "4503599493152769 ", "(2^26 - 1)^2 is exact");
        StringAssert.Contains(runs[0].Stdout, "18014398509481984 ", "2^27 * 2^27 = 2^54 leaves the long range, exactly");
        StringAssert.Contains(runs[0].Stdout, " -0 ", "0 times a negative factor is -0");
    }

    [TestMethod]
    public void TheExactProductKeepsLongsOnlyWithinTwoToThe53()
    {
        long big = 1L << 53;
        Assert.AreEqual(long.MinValue, Reprs.ProductOrNone(1L << 26, 1L << 27), "2^53 continues as the interpreter's double");
        Assert.AreEqual(-big, Reprs.ProductOrNone(-(1L << 26), 1L << 27), "-2^53 is a long");
        Assert.AreEqual(94906265L * 94906265, Reprs.ProductOrNone(94906265, 94906265), "just below 2^53");
        Assert.AreEqual(1099511627776L * 3, Reprs.ProductOrNone(1L << 40, 3));
        Assert.AreEqual(long.MinValue, Reprs.ProductOrNone(1L << 27, 1L << 27), "2^54");
        Assert.AreEqual(long.MinValue, Reprs.ProductOrNone(3, 3002399751580331), "2^53 + 1");
        Assert.AreEqual(long.MinValue, Reprs.ProductOrNone(1L << 32, 1L << 32), "2^64: its low half is 0");
        Assert.AreEqual(long.MinValue, Reprs.ProductOrNone(-(1L << 30), 1L << 40), "-2^70 wraps to 0 in 64 bits");
        Assert.AreEqual(0L, Reprs.ProductOrNone(0, -(1L << 40)), "the -0 test is the caller's");
    }

    [TestMethod]
    public void TheLongRangeIsMinusTwoToThe53UpToJustBelowTwoToThe53()
    {
        long big = 1L << 53;
        foreach (long inside in new[] { 0, 1, -1, big - 1, -big, 123456789012345 })
            Assert.IsFalse(Reprs.LeavesLongRange(inside), inside.ToString());
        foreach (long outside in new[] { big, -big - 1, big + 1, long.MaxValue, long.MinValue, 1L << 62, -(1L << 60) })
            Assert.IsTrue(Reprs.LeavesLongRange(outside), outside.ToString());
    }

    [TestMethod]
    public void SumsReachingTwoToThe53MatchTheInterpreter()
    {
        // 2^53 itself is computed again as the interpreter's double (the same number); one past it rounds as a double.
        var runs = Parity.Check("""
            fn edge(a: number, b: number) -> number { return a + b; }
            fn down(a: number, b: number) -> number { return a - b; }
            print(edge(9007199254740990, 2));
            print(edge(9007199254740991, 2));
            print(down(0 - 9007199254740990, 2));
            print(down(0 - 9007199254740991, 2));
            print(edge(4503599627370496, 4503599627370496) - 1);
            """, 1, 2);
        Assert.AreEqual("9007199254740992\n9007199254740992\n-9007199254740992\n-9007199254740992\n9007199254740991\n",
            runs[0].Stdout);
    }

    [TestMethod]
    public void AConstantDivisorIsNotCheckedButAConstantZeroStillFailsWhereTheInterpreterDoes()
    {
        var runs = Parity.Check("""
            fn rems(n: number) -> string {
                var s = "";
                for (var i = 0 - n; i < n; i++) { s = s + str(i % 3) + ","; }
                return s;
            }
            fn zero(k: number) -> number {
                var x = k + 1;
                return x % 0;
            }
            print(rems(4));
            print(zero(5));
            """, 1, 2);
        Assert.AreEqual("-1,-0,-2,-1,0,1,2,0,\n", runs[0].Stdout);
        StringAssert.Contains(runs[0].Stderr, "test.atl:8:");
        StringAssert.Contains(runs[0].Stderr, "AT0005");
    }

    [TestMethod]
    public void DivisionByZeroAndOverflowErrorsAreTheInterpretersErrors()
    {
        var runs = Parity.Check("""
            fn rem(k: number) -> number {
                var a = 10;
                var b = k - k;
                return a % b;
            }
            print(rem(3));
            """, 1, 2);
        StringAssert.Contains(runs[0].Stderr, "AT0005");
    }

    [TestMethod]
    public void ALoopEntryDeclinesAFrameWhoseLongLocalHoldsALargerNumber()
    {
        // x is a long local in compiled code, but the interpreter doubled it past 2^53 before the second loop got hot:
        // the loop entry must decline that frame rather than truncate x.
        Parity.Check("""
            fn f(n: number) -> number {
                var x = 1;
                for (var k = 0; k < 60; k++) { x = x * 2; }
                var c = 0;
                while (c < n) { c = c + 1; }
                return x + c;
            }
            print(f(500));
            print(f(3));
            """, 2, 5, 50);
    }

    [TestMethod]
    public void LoopCountersAndWholeSumsAreLongs()
    {
        var program = Exec.Compile("""
            fn f(n: number) -> number {
                var total = 0;
                for (var i = 0; i < n; i++) { total = total + i * 2 - 1; }
                var half = total / 2;
                return half;
            }
            print(f(4));
            """);
        var f = JitFunction.Create(Exec.Function(program, "f"), new JitConfig()).Value;
        Assert.AreEqual("Double, Long, Long, Double", string.Join(", ", f.Types.Locals));
    }

    /// <summary>
    /// A constant factor bounds the other by 2^53 / |k| (FunctionTranslator.Longs.cs), and a positive constant or a local
    /// times itself skips the -0 test: results at both sides of the bound, and every sign of zero, match the interpreter.
    /// </summary>
    [TestMethod]
    public void ConstantFactorsAndSquaresKeepTheInterpretersResults()
    {
        var runs = Parity.Check("""
            fn scale(x: number) -> number { return x * 16807; }
            fn flip(x: number) -> number { return x * -3; }
            fn zero(x: number) -> number { return x * 0; }
            fn sq(x: number) -> number { return x * x; }
            fn sqMod(x: number) -> number { return (x * x) % 7; }
            for (var i = 0; i < 3; i++) {
                print(scale(535919512985));
                print(scale(535919512986));
                print(scale(-535919512986));
                print(flip(0));
                print(flip(-2));
                print(zero(-5));
                print(zero(5));
                print(sq(0));
                print(sq(-94906265));
                print(sqMod(0));
                print(sqMod(-7));
                print(sqMod(-8));
            }
            """, 1, 2);
        var lines = runs[0].Stdout.Split('\n');
        Assert.AreEqual("9007199254738895", lines[0]);
        Assert.AreEqual("-0", lines[3], "0 times a negative constant is -0");
        Assert.AreEqual("-0", lines[5], "a negative number times 0 is -0");
        Assert.AreEqual("0", lines[9], "a square's remainder is never -0");
    }

    [TestMethod]
    public void ALongThatFallsBelowMinusTwoToThe53RoundsAsADouble()
    {
        // Below -2^53 the interpreter's doubles round (-2^53 - 1 is not a double) while longs would not: the range test
        // has to catch the negative side too. FastExpressionCompiler 6.0.0 compiled its unsigned compare as a signed
        // one, and these printed -9007199254740996 with the JIT.
        var runs = Parity.Check("""
            fn down(n: number) -> number {
                var a = 0 - 9007199254740990;
                for (var i = 0; i < n; i++) { a = a - 1; }
                return a;
            }
            fn addNegative(n: number) -> number {
                var a = 0 - 9007199254740990;
                for (var i = 0; i < n; i++) { a = a + (0 - 1); }
                return a;
            }
            print(down(5));
            print(addNegative(5));
            """, 1, 2);
        Assert.AreEqual("-9007199254740992\n-9007199254740992\n", runs[0].Stdout);
    }

    [TestMethod]
    public void AProductOfANegativeAndALargeFactorIsNotMultipliedAsLongs()
    {
        // -2^30 times 2^40 is not a product of two factors below 2^26: the same signed compare took it for one, the long
        // product overflowed, and the sum printed -2361183244736578715648 with the JIT.
        var runs = Parity.Check("""
            fn h(n: number) -> number {
                var s = 0;
                for (var i = 0; i < n; i++) {
                    var a = 0 - 1073741824 - i;
                    var b = 1099511627776 + i;
                    s = s + a * b;
                }
                return s;
            }
            print(h(3));
            """, 1, 2);
        Assert.AreEqual("-3541774865453990019072\n", runs[0].Stdout);
    }
}
