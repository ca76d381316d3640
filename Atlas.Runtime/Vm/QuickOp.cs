using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>
/// The interpreter's private superinstructions. Each replaces only the first opcode word of a common instruction
/// sequence in <see cref="FunctionProto.InterpCode"/> and executes that whole sequence; the other words of the sequence
/// stay as compiled, so every offset (jump targets, line table, frame.Pc, resume offsets) means what it means in
/// <see cref="FunctionProto.Code"/>. Numbered after the last <see cref="OpCode"/> so the dispatch switch stays dense;
/// never seen by the validator, disassembler or JIT, which read <see cref="FunctionProto.Code"/>.
/// </summary>
/// <remarks>
/// Suffixes name where operands come from: L a local, K a number constant, S the stack. A handler takes its fast path only
/// when every operand is a number; otherwise it executes just the first instruction of its sequence as written and
/// dispatch continues with the next (original) word.
/// </remarks>
internal enum QuickOp
{
    /// <summary>SetLocal x; Pop.</summary>
    StoreLocal = (int)OpCode.Throw + 1,

    /// <summary>GetLocal a; GetLocal b; Add|Sub|Mul|Div.</summary>
    AddLL,
    SubLL,
    MulLL,
    DivLL,

    /// <summary>GetLocal a; Constant k; Add|Sub|Mul|Div.</summary>
    AddLK,
    SubLK,
    MulLK,
    DivLK,

    /// <summary>GetLocal b; Add|Sub|Mul|Div (left operand on the stack).</summary>
    AddSL,
    SubSL,
    MulSL,
    DivSL,

    /// <summary>Constant k; Add|Sub|Mul|Div|Mod (left operand on the stack).</summary>
    AddSK,
    SubSK,
    MulSK,
    DivSK,
    ModSK,

    /// <summary>GetLocal x; Constant k; Add|Sub; SetLocal y; Pop (x++, x -= k, y = x + k).</summary>
    AddLKStore,
    SubLKStore,

    /// <summary>GetLocal a; GetLocal b; Add|Sub|Mul; SetLocal y; Pop (<c>j += p</c>, <c>y = a * b</c>).</summary>
    AddLLStore,
    SubLLStore,
    MulLLStore,

    /// <summary>GetLocal a; GetLocal b; Less|LessEqual|Greater|GreaterEqual; JumpIfFalse t (loop conditions).</summary>
    LessJumpLL,
    LessEqualJumpLL,
    GreaterJumpLL,
    GreaterEqualJumpLL,

    /// <summary>GetLocal a; Constant k; comparison; JumpIfFalse t (<c>n &lt; 2</c>, <c>x == 0</c>).</summary>
    LessJumpLK,
    LessEqualJumpLK,
    GreaterJumpLK,
    GreaterEqualJumpLK,
    EqualJumpLK,
    NotEqualJumpLK,

    /// <summary>Constant k; comparison; JumpIfFalse t (left operand on the stack).</summary>
    LessJumpSK,
    LessEqualJumpSK,
    GreaterJumpSK,
    GreaterEqualJumpSK,
    EqualJumpSK,
    NotEqualJumpSK,

    /// <summary>Comparison; JumpIfFalse t (both operands on the stack).</summary>
    LessJump,
    LessEqualJump,
    GreaterJump,
    GreaterEqualJump,
    EqualJump,
    NotEqualJump,

    /// <summary>BorrowLocal a; GetLocal i; GetIndex (array element read).</summary>
    GetIndexLL,
    /// <summary>BorrowGlobal g; GetLocal i; GetIndex.</summary>
    GetIndexGL,
    /// <summary>BorrowLocal a; GetLocal i; Constant k; SetIndex; SetLocal b; Pop (a[i] = k).</summary>
    SetIndexLLK,
    /// <summary>SetIndex; SetLocal a; Pop (the write-back of an element store).</summary>
    SetIndexStoreLocal,
    /// <summary>SetIndex; SetGlobal g; Pop.</summary>
    SetIndexStoreGlobal,

    /// <summary>
    /// Loop to a header that starts GetLocal a; GetLocal b; Less|LessEqual|Greater|GreaterEqual; JumpIfFalse t (a
    /// <c>for</c> or <c>while</c> over a counter): the back-edge and the loop's condition in one dispatch.
    /// </summary>
    LoopLessJumpLL,
    LoopLessEqualJumpLL,
    LoopGreaterJumpLL,
    LoopGreaterEqualJumpLL,
}
