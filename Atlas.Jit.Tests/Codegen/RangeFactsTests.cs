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
        return RangeFacts.Analyze(proto, types, forLoopEntry).AddStaysLong(add);
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
}
