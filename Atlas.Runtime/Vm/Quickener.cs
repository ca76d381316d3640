using System.Runtime.CompilerServices;
using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>
/// Builds a prototype's <see cref="FunctionProto.InterpCode"/>: a copy of its validated code in which the first opcode word
/// of each recognised sequence is replaced by a <see cref="QuickOp"/> superinstruction (see there for why offsets stay valid).
/// </summary>
internal static class Quickener
{
    /// <summary>The code the dispatch loop runs for <paramref name="proto"/>, built on first use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int[] CodeOf(FunctionProto proto) => proto.InterpCode ?? Build(proto);

    private static int[] Build(FunctionProto proto)
    {
        // Two threads building the same prototype produce equal arrays, so a plain store is enough.
        var code = Quicken(proto.Code, proto.Constants);
        proto.InterpCode = code;
        return code;
    }

    /// <summary>
    /// The quickened copy of validated <paramref name="code"/>. Patterns are matched against the original words only, so
    /// sequences may overlap: a handler reads operand words of its sequence, never the opcode words after its first.
    /// </summary>
    internal static int[] Quicken(int[] code, Value[] constants)
    {
        var quick = (int[])code.Clone();
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
        {
            var op = Match(code, constants, pc);
            if (op != 0) quick[pc] = (int)op;
        }
        return quick;
    }

    private static QuickOp Match(int[] code, Value[] constants, int pc)
    {
        OpCode At(int offset) => pc + offset < code.Length ? (OpCode)code[pc + offset] : 0;
        bool NumberConstant(int offset) => constants[code[pc + offset]].Kind == ValueKind.Number;

        switch ((OpCode)code[pc])
        {
            case OpCode.SetLocal when At(2) == OpCode.Pop:
                return QuickOp.StoreLocal;

            case OpCode.GetLocal:
                if (At(2) == OpCode.Constant && NumberConstant(3) && At(5) == OpCode.SetLocal && At(7) == OpCode.Pop)
                {
                    if (At(4) == OpCode.Add) return QuickOp.AddLKStore;
                    if (At(4) == OpCode.Sub) return QuickOp.SubLKStore;
                }
                if (At(2) == OpCode.GetLocal)
                {
                    if (At(5) == OpCode.JumpIfFalse && CompareJumpLL(At(4)) is var jump and not 0) return jump;
                    if (At(5) == OpCode.SetLocal && At(7) == OpCode.Pop && ArithStore(At(4)) is var store and not 0) return store;
                    if (Arith(At(4), QuickOp.AddLL) is var arith and not 0) return arith;
                }
                if (At(2) == OpCode.Constant && NumberConstant(3) && At(5) == OpCode.JumpIfFalse
                    && Compare(At(4), QuickOp.LessJumpLK) is var jumpLK and not 0)
                    return jumpLK;
                if (At(2) == OpCode.Constant && NumberConstant(3) && Arith(At(4), QuickOp.AddLK) is var arithK and not 0)
                    return arithK;
                return Arith(At(2), QuickOp.AddSL);

            case OpCode.Constant when NumberConstant(1):
                if (At(3) == OpCode.JumpIfFalse && Compare(At(2), QuickOp.LessJumpSK) is var jumpK and not 0) return jumpK;
                if (At(2) == OpCode.Mod) return QuickOp.ModSK;
                return Arith(At(2), QuickOp.AddSK);

            case OpCode.Less or OpCode.LessEqual or OpCode.Greater or OpCode.GreaterEqual or OpCode.Equal or OpCode.NotEqual
                when At(1) == OpCode.JumpIfFalse:
                return Compare(At(0), QuickOp.LessJump);

            case OpCode.BorrowLocal when At(2) == OpCode.GetLocal && At(4) == OpCode.GetIndex:
                return QuickOp.GetIndexLL;
            case OpCode.BorrowLocal when At(2) == OpCode.GetLocal && At(4) == OpCode.Constant && NumberConstant(5)
                                         && At(6) == OpCode.SetIndex && At(7) == OpCode.SetLocal && At(9) == OpCode.Pop:
                return QuickOp.SetIndexLLK;
            case OpCode.BorrowGlobal when At(2) == OpCode.GetLocal && At(4) == OpCode.GetIndex:
                return QuickOp.GetIndexGL;

            case OpCode.Loop:
                return LoopCompareJumpLL(code, code[pc + 1]);

            case OpCode.SetIndex when At(1) == OpCode.SetLocal && At(3) == OpCode.Pop:
                return QuickOp.SetIndexStoreLocal;
            case OpCode.SetIndex when At(1) == OpCode.SetGlobal && At(3) == OpCode.Pop:
                return QuickOp.SetIndexStoreGlobal;
        }
        return 0;
    }

    /// <summary>The member of an Add, Sub, Mul, Div group (starting at <paramref name="add"/>) for <paramref name="op"/>.</summary>
    private static QuickOp Arith(OpCode op, QuickOp add) => op switch
    {
        OpCode.Add => add,
        OpCode.Sub => add + 1,
        OpCode.Mul => add + 2,
        OpCode.Div => add + 3,
        _ => 0,
    };

    /// <summary>The local-local-store superinstruction for <paramref name="op"/> (Add, Sub and Mul have one).</summary>
    private static QuickOp ArithStore(OpCode op) => op switch
    {
        OpCode.Add => QuickOp.AddLLStore,
        OpCode.Sub => QuickOp.SubLLStore,
        OpCode.Mul => QuickOp.MulLLStore,
        _ => 0,
    };

    /// <summary>The member of a Less … NotEqual group (starting at <paramref name="less"/>) for <paramref name="op"/>.</summary>
    private static QuickOp Compare(OpCode op, QuickOp less) => op switch
    {
        OpCode.Less => less,
        OpCode.LessEqual => less + 1,
        OpCode.Greater => less + 2,
        OpCode.GreaterEqual => less + 3,
        OpCode.Equal => less + 4,
        OpCode.NotEqual => less + 5,
        _ => 0,
    };

    /// <summary>
    /// The back-edge superinstruction for a loop whose header (an instruction start: the validator checked the target)
    /// is a fused local-local comparison and jump.
    /// </summary>
    private static QuickOp LoopCompareJumpLL(int[] code, int header)
    {
        if (header + 5 >= code.Length || (OpCode)code[header] != OpCode.GetLocal || (OpCode)code[header + 2] != OpCode.GetLocal
            || (OpCode)code[header + 5] != OpCode.JumpIfFalse)
            return 0;
        var jump = CompareJumpLL((OpCode)code[header + 4]);
        return jump == 0 ? 0 : QuickOp.LoopLessJumpLL + (jump - QuickOp.LessJumpLL);
    }

    /// <summary>Like <see cref="Compare"/> for the local-local group, which has no Equal or NotEqual member.</summary>
    private static QuickOp CompareJumpLL(OpCode op) => op is OpCode.Equal or OpCode.NotEqual ? 0 : Compare(op, QuickOp.LessJumpLL);
}
