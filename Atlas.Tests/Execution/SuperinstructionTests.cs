using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Vm;
using static Atlas.Tests.Support.Protos;

namespace Atlas.Tests.Execution;

/// <summary>
/// The interpreter's superinstructions (Vm.Quickener, QuickOp): runtime errors inside a fused sequence keep the location and
/// call stack of the unfused instruction, jumps into the middle of a sequence run the original instructions, and the
/// quickened code never replaces the canonical code that the validator, disassembler and JIT read.
/// </summary>
[TestClass]
public sealed class SuperinstructionTests
{
    // Expected texts are what the interpreter printed before superinstructions existed (atlas run --no-jit).
    [TestMethod]
        [DataRow("addlkstore.atl",
            "fn f() -> number {\n    var x = 1e308;\n    x = x + 1e308;\n    return x;\n}\nprint(f());\n",
            "addlkstore.atl:3:9: error[AT0007]: Invalid numeric result (NaN or Infinity)\n 3 |     x = x + 1e308;\n"
            + "   |         ^^^^^^^^^\n  at f (addlkstore.atl:3:9)\n  at <script> (addlkstore.atl:6:7)")]
        [DataRow("divll.atl",
            "fn f(a: number, b: number) -> number {\n    let c = a / b;\n    return c;\n}\nprint(f(1, 0));\n",
            "divll.atl:2:13: error[AT0005]: Divide by zero\n 2 |     let c = a / b;\n   |             ^^^^^\n"
            + "  at f (divll.atl:2:13)\n  at <script> (divll.atl:5:7)")]
        [DataRow("divsl.atl",
            "fn f(a: number, b: number, c: number) -> number {\n    return (a + b) / c;\n}\nprint(f(1, 2, 0));\n",
            "divsl.atl:2:12: error[AT0005]: Divide by zero\n 2 |     return (a + b) / c;\n   |            ^^^^^^^^^^^\n"
            + "  at f (divsl.atl:2:12)\n  at <script> (divsl.atl:4:7)")]
        [DataRow("getindexgl.atl",
            "var data: number[] = [1, 2, 3];\nfn g(i: number) -> number {\n    return data[i];\n}\nprint(g(2));\nprint(g(1.5));\n",
            "getindexgl.atl:3:12: error[AT0103]: Invalid index: array indices must be whole numbers\n 3 |     return data[i];\n"
            + "   |            ^^^^^^^\n  at g (getindexgl.atl:3:12)\n  at <script> (getindexgl.atl:6:7)")]
        [DataRow("getindexll.atl",
            "fn f(i: number) -> number {\n    let a = [1, 2];\n    let v = a[i];\n    return v;\n}\nprint(f(0));\nprint(f(5));\n",
            "getindexll.atl:3:13: error[AT0006]: Array index out of bounds\n 3 |     let v = a[i];\n   |             ^^^^\n"
            + "  at f (getindexll.atl:3:13)\n  at <script> (getindexll.atl:7:7)")]
        [DataRow("modsk.atl",
            "fn f(a: number, b: number) -> number {\n    return (a - b) % 0;\n}\nprint(f(1, 2));\n",
            "modsk.atl:2:12: error[AT0005]: Divide by zero\n 2 |     return (a - b) % 0;\n   |            ^^^^^^^^^^^\n"
            + "  at f (modsk.atl:2:12)\n  at <script> (modsk.atl:4:7)")]
        [DataRow("mullk.atl",
            "fn f(a: number) -> number {\n    return a * 1e308;\n}\nprint(f(10));\n",
            "mullk.atl:2:12: error[AT0007]: Invalid numeric result (NaN or Infinity)\n 2 |     return a * 1e308;\n"
            + "   |            ^^^^^^^^^\n  at f (mullk.atl:2:12)\n  at <script> (mullk.atl:4:7)")]
        [DataRow("mulllstore.atl",
            "fn f(a: number, b: number) -> number {\n    var x = 0;\n    x = a * b;\n    return x;\n}\nprint(f(1e200, 1e200));\n",
            "mulllstore.atl:3:9: error[AT0007]: Invalid numeric result (NaN or Infinity)\n 3 |     x = a * b;\n   |         ^^^^^\n"
            + "  at f (mulllstore.atl:3:9)\n  at <script> (mulllstore.atl:6:7)")]
        [DataRow("nested.atl",
            "fn inner(n: number, d: number) -> number {\n    var i = 0;\n    var acc = 0;\n    while (i < n) {\n"
            + "        acc = acc + i / d;\n        i = i + 1;\n    }\n    return acc;\n}\nfn outer(d: number) -> number {\n"
            + "    return inner(3, d) + 1;\n}\nprint(outer(2));\nprint(outer(0));\n",
            "nested.atl:5:21: error[AT0005]: Divide by zero\n 5 |         acc = acc + i / d;\n   |                     ^^^^^\n"
            + "  at inner (nested.atl:5:21)\n  at outer (nested.atl:11:12)\n  at <script> (nested.atl:14:7)")]
        [DataRow("setindexllk.atl",
            "fn f(i: number) -> number {\n    var a = [1, 2];\n    a[i] = 0;\n    return a[0];\n}\nprint(f(0));\nprint(f(-1));\n",
            "setindexllk.atl:3:5: error[AT0103]: Invalid index: array indices must be whole numbers\n 3 |     a[i] = 0;\n"
            + "   |     ^^^^\n  at f (setindexllk.atl:3:5)\n  at <script> (setindexllk.atl:7:7)")]
        [DataRow("setindexstore.atl",
            "var data: number[] = [1, 2, 3];\nfn f(i: number, x: number) -> number {\n    var a = [1, 2];\n    a[i] = x;\n"
            + "    data[i] = x;\n    return a[i] + data[i];\n}\nprint(f(1, 5));\nprint(f(2, 5));\n",
            "setindexstore.atl:4:5: error[AT0006]: Array index out of bounds\n 4 |     a[i] = x;\n   |     ^^^^\n"
            + "  at f (setindexstore.atl:4:5)\n  at <script> (setindexstore.atl:9:7)")]
    public void ErrorsInsideFusedSequencesKeepTheirLocationAndCallStack(string file, string source, string expected)
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null });
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate(source, file));
        Assert.AreEqual(expected, engine.FormatError(e).TrimEnd('\n'));
    }

    /// <summary>
    /// <c>if (flag) 1000 + n else n + n</c> as hand-built code whose true branch jumps to the second word of the fused
    /// <c>GetLocal n; GetLocal n; Add</c> at 8 (and so runs the fused <c>GetLocal n; Add</c> that starts at 10).
    /// </summary>
    private static FunctionProto JumpIntoSequence() => Make(
    [
        Op(OpCode.GetLocal), 0,
        Op(OpCode.JumpIfFalse), 8,
        Op(OpCode.Constant), 0,
        Op(OpCode.Jump), 10,
        Op(OpCode.GetLocal), 1,
        Op(OpCode.GetLocal), 1,
        Op(OpCode.Add),
        Op(OpCode.Return),
    ], [Value.Number(1000)], arity: 2, locals: 2);

    [TestMethod]
    public void JumpsIntoTheMiddleOfAFusedSequenceRunTheOriginalInstructions()
    {
        var proto = JumpIntoSequence();
        Assert.IsEmpty(BytecodeValidator.Validate(proto, 0));
        var fn = Value.Function(new FunctionValue(proto));
        var vm = new Interpreter();
        Assert.AreEqual(1005.0, vm.Invoke(fn, [Value.True, Value.Number(5)]).AsNumber);
        Assert.AreEqual(10.0, vm.Invoke(fn, [Value.False, Value.Number(5)]).AsNumber);
        Assert.AreEqual((int)QuickOp.AddLL, proto.InterpCode![8], "the sequence at 8 was fused");
        Assert.AreEqual((int)QuickOp.AddSL, proto.InterpCode[10], "so was the overlapping one at 10");
    }

    [TestMethod]
    public void FusedHandlersFallBackWhenOperandsAreNotNumbers()
    {
        // The same code adding strings: the fused Add's fast path does not apply, the original instructions run.
        var proto = JumpIntoSequence();
        BytecodeValidator.Validate(proto, 0);
        var fn = Value.Function(new FunctionValue(proto));
        Assert.AreEqual("abab", new Interpreter().Invoke(fn, [Value.False, Value.String("ab")]).AsString);
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => new Interpreter().Invoke(fn, [Value.True, Value.String("ab")]));
        Assert.AreEqual("Type error: Invalid operands for +", e.Message);
    }

    /// <summary><c>x OP 2 ? 1 : 0</c> as hand-built code: GetLocal x; Constant 2; OP; JumpIfFalse (fused as one).</summary>
    private static FunctionProto CompareWithConstant(OpCode op) => Make(
    [
        Op(OpCode.GetLocal), 0,
        Op(OpCode.Constant), 0,
        Op(op),
        Op(OpCode.JumpIfFalse), 10,
        Op(OpCode.Constant), 1,
        Op(OpCode.Return),
        Op(OpCode.Constant), 2,
        Op(OpCode.Return),
    ], [Value.Number(2), Value.Number(1), Value.Number(0)], arity: 1, locals: 1);

    [TestMethod]
    [DataRow("Less", "LessJumpLK", new[] { 1.0, 0, 0, 0 })]
    [DataRow("LessEqual", "LessEqualJumpLK", new[] { 1.0, 1, 0, 0 })]
    [DataRow("Greater", "GreaterJumpLK", new[] { 0.0, 0, 1, 0 })]
    [DataRow("GreaterEqual", "GreaterEqualJumpLK", new[] { 0.0, 1, 1, 0 })]
    [DataRow("Equal", "EqualJumpLK", new[] { 0.0, 1, 0, 0 })]
    [DataRow("NotEqual", "NotEqualJumpLK", new[] { 1.0, 0, 1, 1 })]
    public void ComparisonsOfALocalWithAConstantAreFusedWithTheirJump(string comparison, string superinstruction, double[] expected)
    {
        var op = Enum.Parse<OpCode>(comparison);
        var fused = Enum.Parse<QuickOp>(superinstruction);
        var proto = CompareWithConstant(op);
        Assert.IsEmpty(BytecodeValidator.Validate(proto, 0));
        var fn = Value.Function(new FunctionValue(proto));
        var vm = new Interpreter();
        double[] inputs = [1, 2, 3, double.NaN];
        for (int k = 0; k < inputs.Length; k++)
            Assert.AreEqual(expected[k], vm.Invoke(fn, [Value.Number(inputs[k])]).AsNumber, $"{inputs[k]} {op} 2");
        Assert.AreEqual((int)fused, proto.InterpCode![0]);
    }

    [TestMethod]
    public void AFusedComparisonWithAConstantFallsBackWhenTheLocalIsNotANumber()
    {
        var fn = Value.Function(new FunctionValue(CompareWithConstant(OpCode.Equal)));
        Assert.AreEqual(0.0, new Interpreter().Invoke(fn, [Value.String("2")]).AsNumber, "\"2\" == 2 is false");
        var less = Value.Function(new FunctionValue(CompareWithConstant(OpCode.Less)));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => new Interpreter().Invoke(less, [Value.String("a")]));
        Assert.AreEqual("Type error: Expected numbers for comparison", e.Message);
    }

    [TestMethod]
    public void AFusedLocalLocalStoreFallsBackToTheOriginalInstructionsForStrings()
    {
        // GetLocal s; GetLocal t; Add; SetLocal t; Pop is fused (AddLLStore); with strings it runs as written.
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null });
        var result = engine.EvaluateValue(
            "fn f(s: string) -> string {\n    var t = s;\n    t = s + t;\n    return t;\n}\nf(\"ab\");\n", "s.atl");
        Assert.AreEqual("abab", result.AsString);
        var numbers = engine.EvaluateValue(
            "fn g(a: number, b: number) -> number {\n    var t = 0;\n    t = a - b;\n    return t;\n}\ng(5, 7);\n", "n.atl");
        Assert.AreEqual(-2.0, numbers.AsNumber);
    }

    /// <summary>
    /// <c>s = 0; while (i OP n) { s = s + i; i = i + step; } return s;</c> as hand-built code (n, i, step are the
    /// arguments): the back-edge at 28 jumps to the fused comparison at 5.
    /// </summary>
    private static FunctionProto CounterLoop(OpCode op) => Make(
    [
        Op(OpCode.Constant), 0,
        Op(OpCode.SetLocal), 3,
        Op(OpCode.Pop),
        Op(OpCode.GetLocal), 1,
        Op(OpCode.GetLocal), 0,
        Op(op),
        Op(OpCode.JumpIfFalse), 30,
        Op(OpCode.GetLocal), 3,
        Op(OpCode.GetLocal), 1,
        Op(OpCode.Add),
        Op(OpCode.SetLocal), 3,
        Op(OpCode.Pop),
        Op(OpCode.GetLocal), 1,
        Op(OpCode.GetLocal), 2,
        Op(OpCode.Add),
        Op(OpCode.SetLocal), 1,
        Op(OpCode.Pop),
        Op(OpCode.Loop), 5,
        Op(OpCode.GetLocal), 3,
        Op(OpCode.Return),
    ], [Value.Number(0)], arity: 3, locals: 4);

    [TestMethod]
    [DataRow("Less", "LoopLessJumpLL")]
    [DataRow("LessEqual", "LoopLessEqualJumpLL")]
    [DataRow("Greater", "LoopGreaterJumpLL")]
    [DataRow("GreaterEqual", "LoopGreaterEqualJumpLL")]
    public void ABackEdgeToACounterLoopRunsTheLoopConditionInTheSameDispatch(string comparison, string superinstruction)
    {
        var op = Enum.Parse<OpCode>(comparison);
        var proto = CounterLoop(op);
        Assert.IsEmpty(BytecodeValidator.Validate(proto, 0));
        var fn = Value.Function(new FunctionValue(proto));
        var vm = new Interpreter();
        double[][] runs = [[10, 0, 1], [10, 0, 3], [0, 10, -1], [0, 10, -4], [5, 5, 1], [5, 5, -1], [3, 0, 0.5]];
        foreach (var run in runs)
        {
            double n = run[0], i = run[1], step = run[2], sum = 0;
            for (int k = 0; k < 100 && Holds(op, i, n); k++, i += step) sum += i;
            if (Holds(op, i, n)) continue; // a loop that would not end: not a case for this test
            Assert.AreEqual(sum, vm.Invoke(fn, run.Select(Value.Number).ToArray()).AsNumber, $"{comparison} {string.Join(", ", run)}");
        }
        Assert.AreEqual((int)Enum.Parse<QuickOp>(superinstruction), proto.InterpCode![28], "the back-edge was fused");
        Assert.AreEqual((int)OpCode.Loop, proto.Code[28], "in the interpreter's copy only");
    }

    private static bool Holds(OpCode op, double a, double b) => op switch
    {
        OpCode.Less => a < b,
        OpCode.LessEqual => a <= b,
        OpCode.Greater => a > b,
        _ => a >= b,
    };

    [TestMethod]
    public void AFusedBackEdgeRunsTheOriginalInstructionsWhenAnOperandIsNotANumber()
    {
        // while (i < n) { n = "x"; }: the first test passes, the back-edge at 17 then finds a string.
        var proto = Make(
        [
            Op(OpCode.Constant), 0,
            Op(OpCode.SetLocal), 2,
            Op(OpCode.Pop),
            Op(OpCode.GetLocal), 1,
            Op(OpCode.GetLocal), 0,
            Op(OpCode.Less),
            Op(OpCode.JumpIfFalse), 19,
            Op(OpCode.Constant), 1,
            Op(OpCode.SetLocal), 0,
            Op(OpCode.Pop),
            Op(OpCode.Loop), 5,
            Op(OpCode.GetLocal), 2,
            Op(OpCode.Return),
        ], [Value.Number(0), Value.String("x")], arity: 2, locals: 3);
        Assert.IsEmpty(BytecodeValidator.Validate(proto, 0));
        var fn = Value.Function(new FunctionValue(proto));
        Assert.AreEqual(0.0, new Interpreter().Invoke(fn, [Value.Number(0), Value.Number(0)]).AsNumber, "0 < 0: no pass");
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => new Interpreter().Invoke(fn, [Value.Number(1), Value.Number(0)]));
        Assert.AreEqual("Type error: Expected numbers for comparison", e.Message);
        Assert.AreEqual((int)QuickOp.LoopLessJumpLL, proto.InterpCode![17]);
    }

    [TestMethod]
    public void AReturnResumesItsCallerOneCallInstructionFurther()
    {
        // Return continues at its caller's Call offset + Interpreter.CallSize, a constant: it must be the Call's size.
        int callSize = OpInfo.Of(OpCode.Call).Size;
        Assert.AreEqual(Interpreter.CallSize, callSize);
    }

    [TestMethod]
    public void QuickenedCodeNeverReachesTheValidatorOrDisassembler()
    {
        var proto = JumpIntoSequence();
        var original = (int[])proto.Code.Clone();
        BytecodeValidator.Validate(proto, 0);
        var before = Disassembler.Disassemble(proto);
        new Interpreter().Invoke(Value.Function(new FunctionValue(proto)), [Value.True, Value.Number(1)]);

        Assert.IsNotNull(proto.InterpCode);
        CollectionAssert.AreNotEqual(original, proto.InterpCode, "the interpreter ran quickened code");
        CollectionAssert.AreEqual(original, proto.Code, "the canonical code is untouched");
        Assert.AreEqual(before, Disassembler.Disassemble(proto));
        Assert.IsEmpty(BytecodeValidator.Validate(proto, 0));
        foreach (var q in Enum.GetValues<QuickOp>())
            Assert.IsFalse(OpInfo.TryGet((int)q, out _), $"{q} is not in the public instruction table (the validator rejects it)");
    }

    [TestMethod]
    public void QuickeningChangesOnlyFirstWordsOfSequences()
    {
        var proto = JumpIntoSequence();
        var quick = Quickener.Quicken(proto.Code, proto.Constants);
        Assert.HasCount(proto.Code.Length, quick);
        for (int pc = 0; pc < quick.Length; pc++)
            if (quick[pc] != proto.Code[pc])
                Assert.IsTrue(pc is 8 or 10, $"word {pc} changed");
    }
}
