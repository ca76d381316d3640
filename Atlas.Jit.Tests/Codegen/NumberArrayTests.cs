using Atlas.Jit.Tests.Support;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// Elements of variables the checker typed <c>number[]</c> are read as unboxed doubles and numbers are stored without
/// boxing. That is speculation, never a change of meaning: an element of another kind (a <c>?</c>-typed value stored
/// into the array) makes the call continue in the interpreter, and index errors, copies and write-backs are unchanged.
/// </summary>
[TestClass]
public sealed class NumberArrayTests
{
    [TestMethod]
    public void ANumberArrayHoldingAStringContinuesInTheInterpreterWithTheSameResult()
    {
        var runs = Parity.Check("""
            fn count(a: number[], v: number) -> number {
                var hits = 0;
                for (var i = 0; i < len(a); i++) {
                    if (a[i] == v) { hits++; }
                }
                return hits;
            }
            var xs: number[] = [1, 2, 1, 3];
            print(count(xs, 1));
            xs[2] = unwrap(Some("one"));
            print(count(xs, 1));
            print(count(xs, 3));
            """, 1, 2);
        var stats = runs[0].Engines[0].Stats;
        Assert.IsGreaterThanOrEqualTo(1L, stats.FallbackReasons.GetValueOrDefault(JitEngine.DeoptimizationReason), stats.Format());
        Assert.AreEqual("2\n1\n1\n", runs[0].Stdout);
    }

    [TestMethod]
    public void ArithmeticOnAStringElementFailsAtTheSameLocationInBothTiers()
    {
        var runs = Parity.Check("""
            fn total(a: number[]) -> number {
                var sum = 0;
                for (var i = 0; i < len(a); i++) {
                    sum = sum + a[i] * 2;
                }
                return sum;
            }
            var xs: number[] = [1, 2, 3];
            print(total(xs));
            xs[1] = unwrap(Some("two"));
            print(total(xs));
            """, 1, 2);
        StringAssert.Contains(runs[0].Stderr, "test.atl:4:21: error[AT0001]");
    }

    [TestMethod]
    public void IndexErrorsOnNumberArraysKeepTheirCodesAndLocations()
    {
        foreach (var index in new[] { "1.5", "-1", "7", "sqrt(-1)" })
        {
            Parity.Check($$"""
                fn at(a: number[], i: number) -> number {
                    let x = a[i];
                    return x + 1;
                }
                print(at([1, 2, 3], 1));
                print(at([1, 2, 3], {{index}}));
                """, 1, 2);
        }
    }

    [TestMethod]
    public void StoringANumberIntoASharedArrayCopiesIt()
    {
        var runs = Parity.Check("""
            fn fill(n: number) -> string {
                var a: number[] = [0, 0, 0];
                var b = a;
                for (var i = 0; i < n; i++) {
                    a[i % 3] = i;
                }
                return str(a) + " " + str(b);
            }
            print(fill(5));
            print(fill(2));
            """, 1, 2);
        Assert.AreEqual("[3, 4, 2] [0, 0, 0]\n[0, 1, 0] [0, 0, 0]\n", runs[0].Stdout);
    }

    [TestMethod]
    public void StoringAStringIntoANumberArrayInCompiledCodeSwitchesItsStorage()
    {
        var runs = Parity.Check("""
            fn mark(a: number[], s: string) -> number[] {
                var out = a;
                for (var i = 0; i < len(out); i++) {
                    if (out[i] == 2) { out[i] = unwrap(Some(s)); }
                }
                return out;
            }
            print(mark([1, 2, 3, 2], "two"));
            print(mark([1, 2], "x"));
            """, 1, 2);
        Assert.AreEqual("[1, two, 3, two]\n[1, x]\n", runs[0].Stdout);
    }

    [TestMethod]
    public void AGlobalNumberArrayIsSpeculatedOnAndGuardedLikeALocal()
    {
        var runs = Parity.Check("""
            var data: number[] = [5, 3, 9];
            fn largest() -> number {
                var best = data[0];
                for (var i = 1; i < len(data); i++) {
                    if (data[i] > best) { best = data[i]; }
                }
                return best;
            }
            print(largest());
            data[1] = unwrap(Some("x"));
            print(largest());
            """, 1, 2);
        StringAssert.Contains(runs[0].Stdout, "9\n");
        StringAssert.Contains(runs[0].Stderr, "error[AT0001]");
    }

    [TestMethod]
    public void LoopCounterIndicesOutsideTheArrayFailLikeTheInterpreter()
    {
        foreach (var (from, to) in new[] { ("0 - 1", "3"), ("0", "4") })
        {
            var runs = Parity.Check($$"""
                fn sum(a: number[]) -> number {
                    var total = 0;
                    for (var i = {{from}}; i < {{to}}; i++) { total = total + a[i]; }
                    return total;
                }
                fn fill(a: number[]) -> number[] {
                    var out = a;
                    for (var i = {{from}}; i < {{to}}; i++) { out[i] = i * 2; }
                    return out;
                }
                print(fill([1, 2, 3]));
                print(sum([1, 2, 3]));
                """, 1, 2);
            StringAssert.Contains(runs[0].Stderr, "error[AT0");
        }
    }

    /// <summary>
    /// Element reads of a global <c>number[]</c> at a long index read the global in place (FunctionTranslator.Arrays.cs).
    /// </summary>
    [TestMethod]
    public void GlobalNumberArrayReadsLeaveAtTheGlobalReadWithTheSameResultsAndErrors()
    {
        var cases = new[] { "print(at(1));", "print(at(3));", "print(at(-1));", "data = []; print(at(0));",
            "data[1] = unwrap(Some(\"two\")); print(total(3));" };
        foreach (var last in cases)
        {
            var runs = Parity.Check($$"""
                var data: number[] = [1, 2, 3];
                fn total(n: number) -> number {
                    var s = 0;
                    for (var i = 0; i < n; i++) { s += data[i]; }
                    return s;
                }
                fn at(i: number) -> number { return data[i] * 2; }
                print(total(3));
                {{last}}
                """, 1, 2);
            StringAssert.StartsWith(runs[0].Stdout, "6\n", last);
        }
    }

    [TestMethod]
    public void AGlobalNumberArrayReadInALoopIsReadInPlace()
    {
        var program = Exec.Compile("""
            var data: number[] = [1, 2, 3];
            fn total(n: number) -> number {
                var s = 0;
                for (var i = 0; i < n; i++) { s += data[i]; }
                return s;
            }
            print(total(3));
            """);
        var tree = new JitEngine(new JitConfig()).DescribeTree(Exec.Function(program, "total"), program.Globals);
        StringAssert.Contains(tree, "global0Array = JitRuntime.GlobalArrayOrNone(", "the global's array is kept in a local");
        StringAssert.Contains(tree, "JitRuntime.ReadNumberOrNaN(");
        Assert.IsFalse(tree.Contains("JitRuntime.BorrowGlobal("), "the global is not copied into a slot");
        Assert.AreEqual(1, tree.Split("JitRuntime.GlobalArrayOrNone(").Length - 1, "read once: nothing in the loop can replace it");
    }

    /// <summary>
    /// A global array kept in a local (FunctionTranslator.GlobalArrays.cs) is read again wherever another array may have
    /// been stored in the global: after a call that assigns it, after the function's own assignment, after an element
    /// write that had to copy a shared array, and in the script's own loop, which starts before the global has an array.
    /// </summary>
    [TestMethod]
    public void AKeptGlobalArrayIsReadAgainWhereAnotherArrayMayHaveBeenStored()
    {
        (string Last, string Expected)[] cases =
        [
            ("print(sum(0)); print(sum(5));", "91\n100\n"),
            ("print(reassign());", "25\n"),
            ("let keep = data; print(twice(3)); print(keep[0] + keep[2]); print(data[0] + data[2]);", "8\n4\n8\n"),
            ("var t = 0; for (var i = 0; i < 3; i++) { t += data[i]; if (i == 1) { data = [100, 200, 300]; } } print(t);", "303\n"),
            ("swapIn(); print(sum(9));", "100\n"),
        ];
        foreach (var (last, expected) in cases)
        {
            var runs = Parity.Check($$"""
                var data: number[] = [1, 2, 3];
                fn swapIn() -> void { data = [10, 20, 30, 40]; }
                fn sum(k: number) -> number {
                    var s = 0;
                    for (var i = 0; i < 3; i++) {
                        s += data[i];
                        if (i == k) { swapIn(); }
                    }
                    return s + data[len(data) - 1];
                }
                fn reassign() -> number {
                    var s = data[0];
                    data = [7, 8, 9];
                    for (var i = 0; i < 3; i++) { s += data[i]; }
                    return s;
                }
                fn twice(n: number) -> number {
                    for (var i = 0; i < n; i++) { data[i] = data[i] * 2; }
                    let first = 0;
                    let last = n - 1;
                    return data[first] + data[last];
                }
                {{last}}
                """, 1, 2);
            Assert.AreEqual(expected, runs[0].Stdout, last);
        }
    }

    /// <summary>
    /// <c>data[i] = …</c> on a global <c>number[]</c> stores in place when it can (FunctionTranslator.Arrays.cs): a copy
    /// taken before keeps its elements, a value that leaves compiled code in between finds the array in its frame, and
    /// index errors keep their codes and locations.
    /// </summary>
    [TestMethod]
    public void GlobalNumberArrayWritesMatchTheInterpreter()
    {
        var cases = new[]
        {
            "print(total(3));",
            "let keep = data; swap(0, 2); print(keep[0] * 10 + data[0]);",
            "data[1] = unwrap(Some(\"two\")); swap(0, 1); print(len(data));",
            "swap(0, 5);",
            "set(1.5, 2);",
        };
        foreach (var last in cases)
        {
            var runs = Parity.Check($$"""
                var data: number[] = [1, 2, 3];
                fn swap(i: number, j: number) -> void {
                    let t = data[i];
                    data[i] = data[j];
                    data[j] = t;
                }
                fn set(i: number, v: number) -> void { data[i] = v; }
                fn total(n: number) -> number {
                    for (var i = 0; i < n; i++) { data[i] = data[i] * 2; }
                    var s = 0;
                    for (var i = 0; i < n; i++) { s += data[i]; }
                    return s;
                }
                swap(0, 1);
                print(data[0]);
                {{last}}
                """, 1, 2);
            StringAssert.StartsWith(runs[0].Stdout, "2\n", last);
        }
    }
}
