using Atlas.Bytecode;
using Atlas.Jit.Codegen;
using Atlas.Jit.Tests.Support;
using Atlas.Jit.Tiering;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// A loop counter tested with <c>i &lt; n</c> is incremented without the long range check (<see cref="RangeFacts"/>);
/// everywhere the test does not prove the sum stays a long, the check stays and results match the interpreter.
/// </summary>
[TestClass]
public sealed class RangeFactsTests
{
    /// <summary><c>for (i = 0; i OP n; i = i + step) {}</c> with <c>n</c> a whole-number parameter; returns <c>i</c>.</summary>
    private static FunctionProto Counter(OpCode compare, double step) =>
        new Asm("f", arity: 1).Local(StaticType.Number).Local(StaticType.Number)
            .Num(0).Op(OpCode.SetLocal, 1).Op(OpCode.Pop)
            .Mark("top").Op(OpCode.GetLocal, 1).Op(OpCode.GetLocal, 0).Op(compare).Jump(OpCode.JumpIfFalse, "done")
            .Op(OpCode.GetLocal, 1).Num(step).Op(OpCode.Add).Op(OpCode.SetLocal, 1).Op(OpCode.Pop)
            .Jump(OpCode.Loop, "top")
            .Mark("done").Op(OpCode.GetLocal, 1).Op(OpCode.Return).Build();

    private static bool IncrementStaysLong(FunctionProto proto, bool forLoopEntry)
    {
        var types = JitFunction.Create(proto, new JitConfig(), longParameters: true).Value.Types;
        Assert.AreEqual(Repr.Long, types.Locals[0], "the bound is a long");
        Assert.AreEqual(Repr.Long, types.Locals[1], "the counter is a long");
        int add = 0;
        while ((OpCode)proto.Code[add] != OpCode.Add) add += OpInfo.Of((OpCode)proto.Code[add]).Size;
        return RangeFacts.Analyze(proto, types, forLoopEntry, readsInRange: _ => false).AddStaysLong(add);
    }

    [TestMethod]
    public void OnlyAStrictTestInCompiledCodeBoundsTheIncrement()
    {
        Assert.IsTrue(IncrementStaysLong(Counter(OpCode.Less, 1), forLoopEntry: false));
        // i <= n allows i = 2^53, and i + 1 would not be a long.
        Assert.IsFalse(IncrementStaysLong(Counter(OpCode.LessEqual, 1), forLoopEntry: false));
        // i < n bounds i by 2^53 - 1: a step of 2 could still leave the range.
        Assert.IsFalse(IncrementStaysLong(Counter(OpCode.Less, 2), forLoopEntry: false));
        Assert.IsFalse(IncrementStaysLong(Counter(OpCode.Less, -1), forLoopEntry: false));
    }

    [TestMethod]
    public void ALoopEntryAssumesNothingAboutTheFrameItReceives()
    {
        // The header is both the loop's test and a place where a frame arrives; the increment after the test is still bounded.
        Assert.IsTrue(IncrementStaysLong(Counter(OpCode.Less, 1), forLoopEntry: true));
        var proto = new Asm("f", arity: 1).Local(StaticType.Number).Local(StaticType.Number)
            .Num(0).Op(OpCode.SetLocal, 1).Op(OpCode.Pop)
            .Op(OpCode.GetLocal, 1).Op(OpCode.GetLocal, 0).Op(OpCode.Less).Jump(OpCode.JumpIfFalse, "done")
            // A loop whose test is at the bottom: the increment follows the header, where an entry knows nothing.
            .Mark("top").Op(OpCode.GetLocal, 1).Num(1).Op(OpCode.Add).Op(OpCode.SetLocal, 1).Op(OpCode.Pop)
            .Op(OpCode.GetLocal, 1).Op(OpCode.GetLocal, 0).Op(OpCode.Less).Jump(OpCode.JumpIfFalse, "done")
            .Jump(OpCode.Loop, "top")
            .Mark("done").Op(OpCode.GetLocal, 1).Op(OpCode.Return).Build();
        Assert.IsTrue(IncrementStaysLong(proto, forLoopEntry: false));
        Assert.IsFalse(IncrementStaysLong(proto, forLoopEntry: true));
    }

    [TestMethod]
    public void CountersAtTheEdgeOfTheLongRangeMatchTheInterpreter()
    {
        var runs = Parity.Check("""
            fn upTo(start: number, n: number) -> string {
                var i = start;
                var steps = 0;
                while (i < n) { steps++; i++; }
                return str(i) + " " + str(steps);
            }
            fn through(start: number, n: number) -> string {
                var i = start;
                var steps = 0;
                while (i <= n && steps < 5) { i = i + 1; steps++; }
                return str(i) + " " + str(steps);
            }
            fn shifted(n: number) -> number {
                var last = 0;
                for (var i = 0; i < 10; i++) { last = i + n; }
                return last;
            }
            print(upTo(9007199254740988, 9007199254740992));
            print(through(9007199254740990, 9007199254740992));
            print(shifted(9007199254740983));
            print(shifted(9007199254740984));
            """, 1, 2);
        Assert.AreEqual("9007199254740992 4\n9007199254740992 5\n9007199254740992\n9007199254740992\n", runs[0].Stdout);
    }

    /// <summary><c>if (n &lt; k) { return n; } return n - c;</c> with <c>n</c> a whole-number parameter.</summary>
    private static bool DecrementAfterTestStaysLong(double k, double c)
    {
        var proto = new Asm("f", arity: 1).Local(StaticType.Number)
            .Op(OpCode.GetLocal, 0).Num(k).Op(OpCode.Less).Jump(OpCode.JumpIfFalse, "big")
            .Op(OpCode.GetLocal, 0).Op(OpCode.Return)
            .Mark("big").Op(OpCode.GetLocal, 0).Num(c).Op(OpCode.Sub).Op(OpCode.Return).Build();
        var types = JitFunction.Create(proto, new JitConfig(), longParameters: true).Value.Types;
        Assert.AreEqual(Repr.Long, types.Locals[0]);
        int sub = 0;
        while ((OpCode)proto.Code[sub] != OpCode.Sub) sub += OpInfo.Of((OpCode)proto.Code[sub]).Size;
        return RangeFacts.Analyze(proto, types, forLoopEntry: false, readsInRange: _ => false).SubStaysLong(sub);
    }

    [TestMethod]
    public void AFailedLowerTestBoundsTheDecrement()
    {
        Assert.IsTrue(DecrementAfterTestStaysLong(2, 1), "fib's n - 1 after if (n < 2) return");
        Assert.IsTrue(DecrementAfterTestStaysLong(2, 2));
        Assert.IsTrue(DecrementAfterTestStaysLong(-9007199254740990, 2), "-2^53 + 2 - 2 is still a long");
        Assert.IsFalse(DecrementAfterTestStaysLong(-9007199254740990, 3), "-2^53 + 2 - 3 is not");
        Assert.IsFalse(DecrementAfterTestStaysLong(2, -1), "subtracting a negative number can pass 2^53");
    }

    [TestMethod]
    public void DecrementsAtTheBottomOfTheLongRangeMatchTheInterpreter()
    {
        var runs = Parity.Check("""
            fn down(n: number) -> number {
                if (n < -9007199254740990) { return n; }
                return n - 2;
            }
            fn fib(n: number) -> number {
                if (n < 2) { return n; }
                return fib(n - 1) + fib(n - 2);
            }
            print(down(-9007199254740990));
            print(down(-9007199254740991));
            print(down(5));
            print(fib(20));
            """, 1, 2);
        Assert.AreEqual("-9007199254740992\n-9007199254740991\n3\n6765\n", runs[0].Stdout);
    }

    /// <summary>
    /// <c>while (i &lt; n &amp;&amp; flag) { i = i + 1; }</c> as the compiler lays out <c>&amp;&amp;</c>:
    /// <c>Less; Dup; JumpIfFalse L; Pop; flag; L: JumpIfFalse done</c>.
    /// </summary>
    private static FunctionProto CounterWithAnd(OpCode compare) =>
        new Asm("f", arity: 2).Local(StaticType.Number).Local(StaticType.Bool).Local(StaticType.Number)
            .Num(0).Op(OpCode.SetLocal, 2).Op(OpCode.Pop)
            .Mark("top").Op(OpCode.GetLocal, 2).Op(OpCode.GetLocal, 0).Op(compare).Op(OpCode.Dup).Jump(OpCode.JumpIfFalse, "and")
            .Op(OpCode.Pop).Op(OpCode.GetLocal, 1)
            .Mark("and").Jump(OpCode.JumpIfFalse, "done")
            .Op(OpCode.GetLocal, 2).Num(1).Op(OpCode.Add).Op(OpCode.SetLocal, 2).Op(OpCode.Pop)
            .Jump(OpCode.Loop, "top")
            .Mark("done").Op(OpCode.GetLocal, 2).Op(OpCode.Return).Build();

    [TestMethod]
    public void ATestOnTheLeftOfAndBoundsTheIncrementInTheBody()
    {
        foreach (var (compare, bounded) in new[] { (OpCode.Less, true), (OpCode.LessEqual, false) })
        {
            var proto = CounterWithAnd(compare);
            var types = JitFunction.Create(proto, new JitConfig(), longParameters: true).Value.Types;
            Assert.AreEqual(Repr.Long, types.Locals[2], "the counter is a long");
            int add = 0;
            while ((OpCode)proto.Code[add] != OpCode.Add) add += OpInfo.Of((OpCode)proto.Code[add]).Size;
            var facts = RangeFacts.Analyze(proto, types, forLoopEntry: false, readsInRange: _ => false);
            Assert.AreEqual(bounded, facts.AddStaysLong(add), compare.ToString());
        }
    }

    /// <summary>
    /// <c>g[j]; return j OP 1;</c> with <c>j</c> a whole-number parameter and <c>g</c> global 0: whether the element read
    /// (in range, or compiled code would have left: <paramref name="readsInRange"/>) lets the add or subtract skip its test.
    /// </summary>
    private static bool StaysLongAfterRead(OpCode op, bool readsInRange)
    {
        var proto = new Asm("f", arity: 1).Local(StaticType.Number)
            .Op(OpCode.BorrowGlobal, 0).Op(OpCode.GetLocal, 0).Op(OpCode.GetIndex).Op(OpCode.Pop)
            .Op(OpCode.GetLocal, 0).Num(1).Op(op).Op(OpCode.Return).Build(globals: 1);
        var types = JitFunction.Create(proto, new JitConfig(), longParameters: true).Value.Types;
        Assert.AreEqual(Repr.Long, types.Locals[0]);
        int at = 0, read = -1;
        for (; (OpCode)proto.Code[at] != op; at += OpInfo.Of((OpCode)proto.Code[at]).Size)
            if ((OpCode)proto.Code[at] == OpCode.GetIndex) read = at;
        var facts = RangeFacts.Analyze(proto, types, forLoopEntry: false, readsInRange: pc => readsInRange && pc == read);
        return op == OpCode.Add ? facts.AddStaysLong(at) : facts.SubStaysLong(at);
    }

    [TestMethod]
    public void AnElementReadBoundsItsIndex()
    {
        Assert.IsTrue(StaysLongAfterRead(OpCode.Sub, readsInRange: true), "j - 1 after data[j]: j is at least 0");
        Assert.IsTrue(StaysLongAfterRead(OpCode.Add, readsInRange: true), "j + 1 after data[j]: j is below 2^31");
        Assert.IsFalse(StaysLongAfterRead(OpCode.Sub, readsInRange: false), "a read that may continue out of range");
        Assert.IsFalse(StaysLongAfterRead(OpCode.Add, readsInRange: false));
    }

    [TestMethod]
    public void IndicesStepPastTheEndsAsInTheInterpreter()
    {
        // Quicksort's scans: the index steps one past either end after its last read (to -1 and to the count), and a
        // read out of range is the interpreter's error in both tiers.
        var runs = Parity.Check("""
            var data: number[] = [5, 1, 4, 2, 3];
            fn down(start: number) -> number {
                var j = start;
                while (data[j] > 0) {
                    j--;
                    if (j < 0) { return j; }
                }
                return j;
            }
            fn up(start: number) -> number {
                var i = start;
                while (data[i] > 0) {
                    i++;
                    if (i >= len(data)) { return i; }
                }
                return i;
            }
            print(down(4));
            print(up(0));
            print(up(9007199254740991));
            """, 1, 2);
        Assert.AreEqual("-1\n5\n", runs[0].Stdout);
        StringAssert.Contains(runs[0].Stderr, "AT0006");
    }

    [TestMethod]
    public void LoopsGuardedByAndMatchTheInterpreter()
    {
        var runs = Parity.Check("""
            fn count(n: number, limit: number) -> number {
                var i = 0;
                var steps = 0;
                while (i < n && steps < limit) {
                    i++;
                    steps += 2;
                }
                return i * 1000 + steps;
            }
            print(count(10, 100));
            print(count(10, 7));
            print(count(0, 7));
            print(count(9007199254740991, 4));
            """, 1, 2);
        Assert.AreEqual("10020\n4008\n0\n2004\n", runs[0].Stdout);
    }
}
