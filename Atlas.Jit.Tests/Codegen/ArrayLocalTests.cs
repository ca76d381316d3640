using Atlas.Bytecode;
using Atlas.Jit.Codegen;
using Atlas.Jit.Tests.Support;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// Locals that only ever hold an array are held as the array object (<see cref="Repr.Array"/>) in compiled code. That is
/// a representation, never a change of meaning: a store of something else (through <c>?</c> typing) continues the call
/// in the interpreter with the same frame, copies stay independent, and index errors keep their codes and locations.
/// </summary>
[TestClass]
public sealed class ArrayLocalTests
{
    [TestMethod]
    public void ALocalTypedAsAnArrayIsHeldAsTheArrayAndOneAssignedOtherKindsStaysBoxed()
    {
        var proto = new Asm("f", arity: 0).Local(StaticType.NumberArray).Local(StaticType.Any)
            .Num(1).Num(2).Op(OpCode.Array, 2).Op(OpCode.SetLocal, 0).Op(OpCode.Pop)
            .Num(1).Op(OpCode.Array, 1).Op(OpCode.SetLocal, 1).Op(OpCode.Pop)
            .Num(3).Op(OpCode.SetLocal, 1).Op(OpCode.Pop)
            .Op(OpCode.GetLocal, 0).Op(OpCode.Return).Build();
        var types = JitFunction.Create(proto, new JitConfig()).Value.Types;
        Assert.AreEqual(Repr.Array, types.Locals[0]);
        Assert.AreEqual(Repr.Value, types.Locals[1]);
        // Returned boxed: the call protocol never sees an array representation.
        Assert.AreEqual(Repr.Value, types.ReturnRepr);
        var compiled = Asm.Call(proto, new JitEngine(new JitConfig { CompilationThreshold = 1 }));
        Assert.AreEqual("[1, 2]", compiled.ToString());
    }

    [TestMethod]
    public void AStoreOfANonArrayIntoAnArrayLocalContinuesInTheInterpreterWithTheFrame()
    {
        var runs = Parity.Check("""
            fn build(v: number[]) -> string {
                var n = 0;
                var a: number[] = [1, 2];
                for (var i = 0; i < 3; i++) {
                    a[0] = a[0] + i;
                    n = n + a[0];
                }
                a = v;
                return str(n) + " " + str(a);
            }
            print(build([7, 8]));
            print(build(unwrap(Some("xyz"))));
            print(build(unwrap(Some(5))));
            """, 1, 2);
        Assert.AreEqual("7 [7, 8]\n7 xyz\n7 5\n", runs[0].Stdout);
        var stats = runs[0].Engines[0].Stats;
        Assert.IsGreaterThanOrEqualTo(1L, stats.FallbackReasons.GetValueOrDefault(JitEngine.DeoptimizationReason), stats.Format());
    }

    [TestMethod]
    public void ACopyTakenFromAnArrayLocalIsNotChangedByWritesInCompiledCode()
    {
        var runs = Parity.Check("""
            fn run(n: number) -> string {
                var a: number[] = [0, 0, 0, 0];
                for (var i = 0; i < n; i++) { a[i] = i; }
                let b = a;
                for (var i = 0; i < n; i++) { a[i] = a[i] * 10; }
                var c = b;
                c[0] = 99;
                var d = [5, 6];
                let e = d;
                d[1] = 7;
                return str(a) + str(b) + str(c) + str(d) + str(e);
            }
            print(run(4));
            print(run(4));
            """, 1, 2);
        Assert.AreEqual("[0, 10, 20, 30][0, 1, 2, 3][99, 1, 2, 3][5, 7][5, 6]\n", runs[0].Stdout.Split('\n')[0] + "\n");
    }

    [TestMethod]
    public void IndexErrorsOnArrayLocalsKeepTheirCodesAndLocationsInBothTiers()
    {
        foreach (var (read, write, line) in new[] { ("k", "0", "5:17"), ("0", "k", "7:5") })
        {
            var runs = Parity.Check($$"""
                fn run(k: number) -> number {
                    var a = [1, 2, 3];
                    var s = 0;
                    for (var i = 0; i < 3; i++) {
                        s = s + a[{{read}}] + a[i];
                    }
                    a[{{write}}] = 5;
                    return s + a[0];
                }
                print(run(2));
                print(run(3));
                """, 1, 2);
            StringAssert.Contains(runs[0].Stdout, "\n");
            StringAssert.Contains(runs[0].Stderr, "error[AT0");
            StringAssert.Contains(runs[0].Stderr, $"test.atl:{line}");
        }
    }

    [TestMethod]
    public void NumbersInBoxedStorageAreReadInCompiledCodeAndANaNElementIsReadByTheInterpreter()
    {
        var runs = Parity.Check("""
            fn total(n: number, odd: number) -> number {
                var a: number[] = [1, 2, 3];
                a[0] = unwrap(Some("s"));
                a[0] = odd;
                var sum = 0;
                for (var i = 0; i < n; i++) { sum = sum + a[i % 3]; }
                return sum;
            }
            print(total(30, 4));
            """, 1, 2);
        Assert.AreEqual("90\n", runs[0].Stdout);
        var stats = runs[0].Engines[0].Stats;
        Assert.AreEqual(0L, stats.FallbackReasons.GetValueOrDefault(JitEngine.DeoptimizationReason), stats.Format());

        runs = Parity.Check("""
            fn total(n: number, odd: number) -> string {
                var a = [1, 2, 3];
                a[1] = odd;
                var same = 0;
                for (var i = 0; i < n; i++) {
                    if (a[i % 3] == a[i % 3]) { same++; }
                }
                return str(same) + " " + str(a[0]);
            }
            print(total(3, 4));
            print(total(3, sqrt(-1)));
            """, 1, 2);
        Assert.AreEqual("3 1\n2 1\n", runs[0].Stdout);
    }

    [TestMethod]
    public void ArraysOfArraysAndOfStringsHeldAsArraysKeepValueSemantics()
    {
        var runs = Parity.Check("""
            fn grid(n: number) -> string {
                var rows = [[0, 0], [0, 0]];
                var names = ["a", "b"];
                let before = rows;
                for (var i = 0; i < n; i++) {
                    var row = rows[i % 2];
                    row[i % 2] = i;
                    rows[i % 2] = row;
                    names[i % 2] = names[i % 2] + "x";
                }
                return str(rows) + str(names) + str(before) + str(len(rows));
            }
            print(grid(5));
            print(grid(2));
            """, 1, 2);
        Assert.AreEqual("[[4, 0], [0, 3]][axxx, bxx][[0, 0], [0, 0]]2\n[[0, 0], [0, 1]][ax, bx][[0, 0], [0, 0]]2\n",
            runs[0].Stdout);
    }

    [TestMethod]
    public void AnArrayLocalEnteredThroughALoopEntryKeepsItsElements()
    {
        var runs = Parity.Check("""
            fn run(n: number) -> number {
                var flags: number[] = [];
                for (var i = 0; i < n; i++) { flags.push(1); }
                var count = 0;
                for (var j = 2; j < n; j++) {
                    if (flags[j] == 1) {
                        count++;
                        for (var m = j * j; m < n; m += j) { flags[m] = 0; }
                    }
                }
                return count;
            }
            print(run(30000));
            """, 1, 2);
        Assert.AreEqual("3245\n", runs[0].Stdout);
    }

    /// <summary>
    /// <c>a.push(n)</c> of a number appends in place when the array is not shared (FunctionTranslator.Calls.cs): a copy
    /// taken before keeps its elements, pushes of other kinds and onto shared arrays take the method, in both tiers.
    /// </summary>
    [TestMethod]
    public void PushingNumbersAppendsInPlaceAndLeavesCopiesAlone()
    {
        var runs = Parity.Check("""
            fn build(n: number) -> string {
                var a: number[] = [];
                var before = a;
                for (var i = 0; i < n; i++) {
                    a.push(i * 1.5);
                    if (i == 2) { before = a; }
                }
                var mixed = [unwrap(Some("zero"))];
                mixed.push(1);
                mixed.push("two");
                mixed.push(3);
                return str(len(a)) + " " + str(a[n - 1]) + " " + str(len(before)) + " " + str(before[2]) + " " + str(len(mixed));
            }
            print(build(5));
            print(build(3000));
            """, 1, 2);
        Assert.AreEqual("5 6 3 3 4\n3000 4498.5 3 3 4\n", runs[0].Stdout);
    }

    [TestMethod]
    public void APushOfANumberOntoAnArrayLocalTestsForSharingInline()
    {
        var program = Exec.Compile("""
            fn zeros(n: number) -> number[] {
                var a: number[] = [];
                for (var i = 0; i < n; i++) { a.push(0); }
                return a;
            }
            print(len(zeros(3)));
            """);
        var tree = new JitEngine(new JitConfig()).DescribeTree(Exec.Function(program, "zeros"));
        StringAssert.Contains(tree, ".TryPushNumber(");
    }

    /// <summary>
    /// A whole-number store that cannot be done in place in a compiled loop (a shared array, an index past the end) continues
    /// in the interpreter at the store (FunctionTranslator.Arrays.cs): copies, results and errors as interpreted.
    /// </summary>
    [TestMethod]
    public void SmallConstantStoresThatCannotBeDoneInPlaceLeaveAtTheStore()
    {
        var runs = Parity.Check("""
            fn fill(n: number, size: number) -> string {
                var a: number[] = [0, 0, 0];
                let keep = a;
                for (var i = 0; i < n; i++) { let j = i % size; a[j] = 7; }
                return str(a) + " " + str(keep);
            }
            print(fill(7, 3));
            print(fill(2, 3));
            print(fill(5, 4));
            """, 1, 2);
        Assert.AreEqual("[7, 7, 7] [0, 0, 0]\n[7, 7, 0] [0, 0, 0]\n", runs[0].Stdout);
        StringAssert.Contains(runs[0].Stderr, "AT0006");
        var stats = runs[0].Engines[0].Stats;
        Assert.IsGreaterThanOrEqualTo(1L, stats.FallbackReasons.GetValueOrDefault(JitEngine.DeoptimizationReason), stats.Format());
    }

    [TestMethod]
    public void ComputedWholeNumberStoresWidenSmallNumberStorageWithoutLeaving()
    {
        // [0, 0, 0] holds bytes; 300 and up need ints. The write's slow path widens the storage once and the loop goes on
        // compiled: leaving at the store would run the rest of every call interpreted.
        var runs = Parity.Check("""
            fn fill(n: number, size: number) -> string {
                var a: number[] = [0, 0, 0];
                let keep = a;
                for (var i = 0; i < n; i++) { a[i % size] = i * 100; }
                return str(a) + " " + str(keep);
            }
            var out = "";
            for (var k = 0; k < 20; k++) { out = fill(7, 3); }
            print(out);
            print(fill(5, 4));
            """, 1, 2);
        Assert.AreEqual("[600, 400, 500] [0, 0, 0]\n", runs[0].Stdout);
        StringAssert.Contains(runs[0].Stderr, "AT0006");
        var stats = runs[0].Engines[0].Stats;
        Assert.AreEqual(0L, stats.FallbackReasons.GetValueOrDefault(JitEngine.DeoptimizationReason), stats.Format());
    }
}
