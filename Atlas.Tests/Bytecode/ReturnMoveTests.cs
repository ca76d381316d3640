using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Tests.Bytecode;

/// <summary>
/// <c>return local</c> moves the local out of its dying frame (a borrow, not a shared read), so a function that builds an
/// array and returns it hands the caller an unshared array that the caller's first write does not have to copy.
/// </summary>
[TestClass]
public sealed class ReturnMoveTests
{
    private const string Source = """
        var store = [1];
        fn build() -> number[] {
            var a = [1, 2];
            return a;
        }
        fn pass(p: number[]) -> number[] {
            return p;
        }
        fn outer() -> number[] {
            var b = [3];
            fn inner() -> number[] {
                return b;
            }
            return inner();
        }
        fn global() -> number[] {
            return store;
        }
        let kept = build();
        """;

    private static FunctionProto Proto(string name) =>
        global::Atlas.Hosting.Pipeline.Compile(Source).Program!.Functions.Single(p => p.Name == name);

    /// <summary>The opcode that loads the returned value (the instruction just before the first Return).</summary>
    private static OpCode LoadBeforeReturn(FunctionProto proto)
    {
        var previous = OpCode.Return;
        for (int pc = 0; pc < proto.Code.Length; pc += OpInfo.Of((OpCode)proto.Code[pc]).Size)
        {
            var op = (OpCode)proto.Code[pc];
            if (op == OpCode.Return) return previous;
            previous = op;
        }
        throw new AssertFailedException($"{proto.Name} has no Return");
    }

    [TestMethod]
    public void ReturningALocalBorrowsIt() => Assert.AreEqual(OpCode.BorrowLocal, LoadBeforeReturn(Proto("build")));

    [TestMethod]
    public void ReturningAParameterBorrowsIt() => Assert.AreEqual(OpCode.BorrowLocal, LoadBeforeReturn(Proto("pass")));

    [TestMethod]
    public void ReturningACaptureStillSharesIt() => Assert.AreEqual(OpCode.GetUpvalue, LoadBeforeReturn(Proto("inner")));

    [TestMethod]
    public void ReturningAGlobalStillSharesIt() => Assert.AreEqual(OpCode.GetGlobal, LoadBeforeReturn(Proto("global")));

    [TestMethod]
    public void TheCallerGetsAnUnsharedArray()
    {
        var program = global::Atlas.Hosting.Pipeline.Compile(Source).Program!;
        var vm = new Interpreter { Out = TextWriter.Null };
        vm.Run(program);
        var kept = vm.Globals[program.Globals.FindByName("kept")];
        Assert.AreEqual(ValueKind.Array, kept.Kind);
        Assert.IsFalse(kept.AsArray.Shared, "a returned local array must not need a copy before its first write");
    }
}
