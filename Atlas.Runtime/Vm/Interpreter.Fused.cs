using System.Runtime.CompilerServices;
using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>
/// The handlers of the <see cref="QuickOp"/> superinstructions, inlined into the dispatch loop. Each is entered with
/// <c>pc</c> just past the superinstruction's word (at the first instruction's first operand). It returns false, changing
/// nothing, when an operand is not of the kinds its fast path covers; the loop then runs the first instruction as written.
/// Before any step that can raise, <c>opStart</c> is set to the offset of the original instruction that raises there, so an
/// error's location and call stack are the same as without fusion.
/// </summary>
internal sealed partial class Interpreter
{
    /// <summary>The number arithmetic of <paramref name="op"/> (a constant after inlining), with its checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Arith(OpCode op, double a, double b) => op switch
    {
        OpCode.Add => ValueOps.AddNumbers(a, b),
        OpCode.Sub => ValueOps.SubNumbers(a, b),
        OpCode.Mul => ValueOps.MulNumbers(a, b),
        OpCode.Div => ValueOps.DivNumbers(a, b),
        _ => ValueOps.ModNumbers(a, b),
    };

    /// <summary>The number comparison of <paramref name="op"/> (a constant after inlining).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Compare(OpCode op, double a, double b) => op switch
    {
        OpCode.Less => a < b,
        OpCode.LessEqual => a <= b,
        OpCode.Greater => a > b,
        OpCode.GreaterEqual => a >= b,
        OpCode.Equal => a == b,
        _ => a != b,
    };

    /// <summary>GetLocal a; GetLocal b; op.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ArithLL(OpCode op, Value[] stack, int[] code, int bp, ref int sp, ref int pc, ref int opStart)
    {
        ref var a = ref stack[bp + code[pc]];
        ref var b = ref stack[bp + code[pc + 2]];
        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number) return false;
        opStart = pc + 3;
        stack[sp] = Value.Number(Arith(op, a.Num, b.Num));
        sp++;
        pc += 4;
        return true;
    }

    /// <summary>GetLocal a; Constant k; op (k is a number: checked when quickening).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ArithLK(OpCode op, Value[] stack, int[] code, Value[] consts, int bp, ref int sp, ref int pc, ref int opStart)
    {
        ref var a = ref stack[bp + code[pc]];
        if (a.Kind != ValueKind.Number) return false;
        opStart = pc + 3;
        stack[sp] = Value.Number(Arith(op, a.Num, consts[code[pc + 2]].Num));
        sp++;
        pc += 4;
        return true;
    }

    /// <summary>GetLocal b; op, the left operand on the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ArithSL(OpCode op, Value[] stack, int[] code, int bp, int sp, ref int pc, ref int opStart)
    {
        ref var a = ref stack[sp - 1];
        ref var b = ref stack[bp + code[pc]];
        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number) return false;
        opStart = pc + 1;
        a = Value.Number(Arith(op, a.Num, b.Num));
        pc += 2;
        return true;
    }

    /// <summary>Constant k; op, the left operand on the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ArithSK(OpCode op, Value[] stack, int[] code, Value[] consts, int sp, ref int pc, ref int opStart)
    {
        ref var a = ref stack[sp - 1];
        if (a.Kind != ValueKind.Number) return false;
        opStart = pc + 1;
        a = Value.Number(Arith(op, a.Num, consts[code[pc]].Num));
        pc += 2;
        return true;
    }

    /// <summary>GetLocal x; Constant k; op; SetLocal y; Pop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ArithLKStore(OpCode op, Value[] stack, int[] code, Value[] consts, int bp, ref int pc, ref int opStart)
    {
        ref var x = ref stack[bp + code[pc]];
        if (x.Kind != ValueKind.Number) return false;
        opStart = pc + 3;
        stack[bp + code[pc + 5]] = Value.Number(Arith(op, x.Num, consts[code[pc + 2]].Num));
        pc += 7;
        return true;
    }

    /// <summary>GetLocal a; GetLocal b; op; SetLocal y; Pop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ArithLLStore(OpCode op, Value[] stack, int[] code, int bp, ref int pc, ref int opStart)
    {
        ref var a = ref stack[bp + code[pc]];
        ref var b = ref stack[bp + code[pc + 2]];
        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number) return false;
        opStart = pc + 3;
        stack[bp + code[pc + 5]] = Value.Number(Arith(op, a.Num, b.Num));
        pc += 7;
        return true;
    }

    /// <summary>GetLocal a; GetLocal b; op; JumpIfFalse t. Number comparisons cannot fail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CompareJumpLL(OpCode op, Value[] stack, int[] code, int bp, ref int pc)
    {
        ref var a = ref stack[bp + code[pc]];
        ref var b = ref stack[bp + code[pc + 2]];
        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number) return false;
        pc = Compare(op, a.Num, b.Num) ? pc + 6 : code[pc + 5];
        return true;
    }

    /// <summary>GetLocal a; Constant k; op; JumpIfFalse t (k is a number: checked when quickening).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CompareJumpLK(OpCode op, Value[] stack, int[] code, Value[] consts, int bp, ref int pc)
    {
        ref var a = ref stack[bp + code[pc]];
        if (a.Kind != ValueKind.Number) return false;
        pc = Compare(op, a.Num, consts[code[pc + 2]].Num) ? pc + 6 : code[pc + 5];
        return true;
    }

    /// <summary>Constant k; op; JumpIfFalse t, the left operand on the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CompareJumpSK(OpCode op, Value[] stack, int[] code, Value[] consts, ref int sp, ref int pc)
    {
        ref var a = ref stack[sp - 1];
        if (a.Kind != ValueKind.Number) return false;
        sp--;
        pc = Compare(op, a.Num, consts[code[pc]].Num) ? pc + 4 : code[pc + 3];
        return true;
    }

    /// <summary>op; JumpIfFalse t, both operands on the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CompareJump(OpCode op, Value[] stack, int[] code, ref int sp, ref int pc)
    {
        ref var a = ref stack[sp - 2];
        ref var b = ref stack[sp - 1];
        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number) return false;
        sp -= 2;
        pc = Compare(op, a.Num, b.Num) ? pc + 2 : code[pc + 1];
        return true;
    }

    /// <summary>The element read of GetIndex for an array and a number index (then GetIndex is at <c>pc + 3</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool GetIndexFrom(in Value target, Value[] stack, int[] code, int bp, ref int sp, ref int pc, ref int opStart)
    {
        ref var i = ref stack[bp + code[pc + 2]];
        if (target.Kind != ValueKind.Array || i.Kind != ValueKind.Number) return false;
        opStart = pc + 3;
        ReadElement(Unsafe.As<AtlasArray>(target.Obj!), i.Num, ref stack[sp]);
        sp++;
        pc += 4;
        return true;
    }

    /// <summary>BorrowLocal a; GetLocal i; Constant k; SetIndex; SetLocal b; Pop (a[i] = k on an array).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SetIndexLLK(Value[] stack, int[] code, Value[] consts, int bp, ref int pc, ref int opStart)
    {
        int slot = code[pc];
        ref var a = ref stack[bp + slot];
        ref var i = ref stack[bp + code[pc + 2]];
        if (a.Kind != ValueKind.Array || i.Kind != ValueKind.Number) return false;
        opStart = pc + 5;
        var arr = Unsafe.As<AtlasArray>(a.Obj!);
        double k = consts[code[pc + 4]].Num;
        // A fresh number value, not a copy of the constant: a store without an object reference needs no GC write barrier.
        var written = arr.TryWriteNumber(i.Num, k) ? arr : arr.Write(i.Num, Value.Number(k));
        // SetLocal stores SetIndex's result: the same array value when it was written in place (then storing it back
        // into its own slot is a no-op), otherwise the copy.
        int back = code[pc + 7];
        if (!ReferenceEquals(written, arr)) stack[bp + back] = Value.Array(written);
        else if (back != slot) stack[bp + back] = a;
        pc += 9;
        return true;
    }

    /// <summary>
    /// The element read of GetIndex on an array (<see cref="AtlasArray.Read"/>) into a value-stack slot: a number from
    /// unboxed storage is stored as a fresh value, which needs no GC write barrier.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReadElement(AtlasArray array, double index, ref Value into)
    {
        if (array.TryReadNumber(index, out double number)) into = Value.Number(number);
        else into = array.Read(index);
    }

    /// <summary>
    /// The number fast path of SetIndex (<see cref="AtlasArray.TryWriteNumber(double, double)"/>) for <c>[a i v]</c> on
    /// the stack: true when the number was written into the array in place, which is then SetIndex's result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool WroteNumberInPlace(Value[] stack, int sp)
    {
        ref var t = ref stack[sp - 3];
        ref var i = ref stack[sp - 2];
        ref var v = ref stack[sp - 1];
        return t.Kind == ValueKind.Array && i.Kind == ValueKind.Number && v.Kind == ValueKind.Number
            && Unsafe.As<AtlasArray>(t.Obj!).TryWriteNumber(i.Num, v.Num);
    }

    /// <summary>SetIndex, then the write-back store; returns the updated collection for the store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Value SetIndexResult(Value[] stack, int sp)
    {
        ref var t = ref stack[sp - 3];
        ref var i = ref stack[sp - 2];
        return i.Kind == ValueKind.Number ? ValueOps.SetElement(t, i.Num, stack[sp - 1]) : ValueOps.SetIndex(t, i, stack[sp - 1]);
    }
}
