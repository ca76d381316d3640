using Atlas.Bytecode;
using Atlas.Tests.Support;
using Atlas.Vm;
using static Atlas.Tests.Support.Protos;

namespace Atlas.Tests.Bytecode;

/// <summary>The validator rejects every kind of broken prototype with a clear message, and accepts valid ones.</summary>
[TestClass]
public sealed class BytecodeValidatorTests
{
    private static readonly Value[] OneNumber = [Value.Number(1)];

    private static string Reject(FunctionProto p, int globals = 0)
    {
        var errors = BytecodeValidator.Validate(p, globals);
        Assert.IsNotEmpty(errors, "expected the validator to reject the prototype");
        Assert.IsFalse(p.Validated);
        return string.Join("\n", errors);
    }

    [TestMethod]
    public void AcceptsValidCode()
    {
        var p = Make([Op(OpCode.Constant), 0, Op(OpCode.Constant), 0, Op(OpCode.Add), Op(OpCode.Return)], OneNumber);
        Assert.IsEmpty(BytecodeValidator.Validate(p, 0));
        Assert.IsTrue(p.Validated);
    }

    [TestMethod]
    public void RejectsStackUnderflow() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.Constant), 0, Op(OpCode.Add), Op(OpCode.Return)], OneNumber)), "needs 2 value(s) but the stack holds 1");

    [TestMethod]
    public void RejectsInconsistentDepthAtMerge()
    {
        // if (true) push 1 else push nothing; both reach Return.
        int[] code =
        [
            Op(OpCode.True), Op(OpCode.JumpIfFalse), 7,
            Op(OpCode.Constant), 0, Op(OpCode.Constant), 0,
            Op(OpCode.Null), Op(OpCode.Return),
        ];
        StringAssert.Contains(Reject(Make(code, OneNumber)), "inconsistent stack depth");
    }

    [TestMethod]
    public void RejectsJumpOutsideCode() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.Jump), 99, Op(OpCode.Null), Op(OpCode.Return)])), "outside the code");

    [TestMethod]
    public void RejectsJumpIntoAnInstruction() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.Jump), 3, Op(OpCode.Constant), 0, Op(OpCode.Return)], OneNumber)), "inside an instruction");

    [TestMethod]
    public void RejectsConstantIndexOutOfRange() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.Constant), 5, Op(OpCode.Return)], OneNumber)), "constant index 5 out of range");

    [TestMethod]
    public void RejectsLocalSlotOutOfRange() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.GetLocal), 2, Op(OpCode.Return)], locals: 1)), "local slot 2 out of range");

    [TestMethod]
    public void RejectsGlobalSlotOutOfRange() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.GetGlobal), 0, Op(OpCode.Return)]), globals: 0), "global slot 0 out of range");

    [TestMethod]
    public void RejectsUpvalueOutOfRange() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.GetUpvalue), 0, Op(OpCode.Return)])), "upvalue 0 out of range");

    [TestMethod]
    public void RejectsArityAboveLocalCount() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.Null), Op(OpCode.Return)], arity: 2, locals: 1)), "arity 2 exceeds the local count 1");

    [TestMethod]
    public void RejectsUnknownOpcode() =>
        StringAssert.Contains(Reject(Make([999, Op(OpCode.Return)])), "unknown opcode 999");

    [TestMethod]
    public void RejectsReservedAndOr() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.True), Op(OpCode.True), Op(OpCode.And), Op(OpCode.Return)])), "reserved");

    [TestMethod]
    public void RejectsFallingOffTheEnd() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.Null), Op(OpCode.Pop)])), "falls off the end");

    [TestMethod]
    public void RejectsMissingOperands() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.Null), Op(OpCode.Constant)])), "missing its operands");

    [TestMethod]
    public void RejectsUnderstatedMaxStack() =>
        StringAssert.Contains(Reject(Make([Op(OpCode.Null), Op(OpCode.Null), Op(OpCode.Pop), Op(OpCode.Return)], maxStack: 1)), "MaxStack is 1");

    [TestMethod]
    public void RejectsMakeClosureWithWrongCaptureCount()
    {
        var inner = Make([Op(OpCode.GetUpvalue), 0, Op(OpCode.Return)], upvalues: ["x"], name: "inner");
        var outer = Make([Op(OpCode.Null), Op(OpCode.Null), Op(OpCode.MakeClosure), 0, 2, Op(OpCode.Return)],
            [Value.Function(new FunctionValue(inner))]);
        StringAssert.Contains(Reject(outer), "captures 2 values but inner has 1 upvalues");
    }

    [TestMethod]
    public void VmRefusesUnvalidatedPrograms()
    {
        var p = Make([Op(OpCode.Null), Op(OpCode.Return)]);
        var program = new CompiledProgram(p, [p], new GlobalTable());
        Assert.ThrowsExactly<InvalidOperationException>(() => new Interpreter().Run(program));
    }
}
