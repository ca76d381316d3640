namespace Atlas.Bytecode;

/// <summary>
/// Every instruction of the Atlas VM. Code is an <c>int[]</c>: the opcode, then its operands (one int each).
/// Operand counts and stack effects live in <see cref="OpInfo"/>, which the compiler, validator, disassembler and JIT all read.
/// </summary>
internal enum OpCode
{
    /// <summary>Push constants[k].</summary>
    Constant = 1,
    /// <summary>Push null.</summary>
    Null,
    /// <summary>Push true.</summary>
    True,
    /// <summary>Push false.</summary>
    False,

    /// <summary>Push local slot s (marks a copy-on-write payload shared).</summary>
    GetLocal,
    /// <summary>Store the top of stack into local slot s; the value stays on the stack.</summary>
    SetLocal,
    /// <summary>Push global slot g; AT0002 if its declaration has not run yet.</summary>
    GetGlobal,
    /// <summary>Store the top of stack into global slot g (defining it); the value stays.</summary>
    SetGlobal,
    /// <summary>Push upvalue i of the running closure.</summary>
    GetUpvalue,
    /// <summary>Store the top of stack into this call's private copy of upvalue i; the value stays.</summary>
    SetUpvalue,
    /// <summary>Push local slot s without marking it shared: the value is consumed by an indexing or write-back sequence.</summary>
    BorrowLocal,
    /// <summary>Push global slot g without marking it shared (see BorrowLocal).</summary>
    BorrowGlobal,
    /// <summary>Push upvalue i without marking it shared (see BorrowLocal).</summary>
    BorrowUpvalue,
    /// <summary>Pop n captured values and make a closure of the function prototype constants[k].</summary>
    MakeClosure,

    /// <summary>a + b: numbers (NaN/∞ checked) or strings.</summary>
    Add,
    /// <summary>a - b.</summary>
    Sub,
    /// <summary>a * b.</summary>
    Mul,
    /// <summary>a / b (zero divisor checked first).</summary>
    Div,
    /// <summary>a % b, truncating (zero divisor checked first).</summary>
    Mod,
    /// <summary>-a (not NaN-checked).</summary>
    Negate,
    /// <summary>a == b (language.md §9.3).</summary>
    Equal,
    /// <summary>a != b.</summary>
    NotEqual,
    /// <summary>a &lt; b on numbers.</summary>
    Less,
    /// <summary>a &lt;= b on numbers.</summary>
    LessEqual,
    /// <summary>a &gt; b on numbers.</summary>
    Greater,
    /// <summary>a &gt;= b on numbers.</summary>
    GreaterEqual,
    /// <summary>!a on a bool.</summary>
    Not,
    /// <summary>Reserved (the spec lowers &amp;&amp; to jumps); the validator rejects it.</summary>
    And,
    /// <summary>Reserved (the spec lowers || to jumps); the validator rejects it.</summary>
    Or,
    /// <summary>TypeError unless the top of stack is a bool; operand 0 = &amp;&amp;, 1 = ||. The value stays.</summary>
    CheckBool,

    /// <summary>Jump to the absolute offset t.</summary>
    Jump,
    /// <summary>Pop; jump to t unless the value is exactly true.</summary>
    JumpIfFalse,
    /// <summary>Backward jump to t (a loop back-edge: where budgets are checked).</summary>
    Loop,

    /// <summary>Call the value n slots below the top with the n arguments above it.</summary>
    Call,
    /// <summary>Call method constants[k] (a string) on the receiver below the n arguments (language.md §8.5).</summary>
    CallMethod,
    /// <summary>Return the top of stack from the running function.</summary>
    Return,

    /// <summary>Pop n elements and push a new array of them.</summary>
    Array,
    /// <summary>[t i] → [t[i]].</summary>
    GetIndex,
    /// <summary>[t i v] → [t'] with t' = t where element i is v (copy-on-write).</summary>
    SetIndex,

    /// <summary>Discard the top of stack.</summary>
    Pop,
    /// <summary>Duplicate the top of stack.</summary>
    Dup,

    /// <summary>[v] → [v is Some].</summary>
    IsOptionSome,
    /// <summary>[v] → [v is None].</summary>
    IsOptionNone,
    /// <summary>[v] → [v is Ok].</summary>
    IsResultOk,
    /// <summary>[v] → [v is Err].</summary>
    IsResultErr,
    /// <summary>[Some(x)] → [x].</summary>
    ExtractOptionValue,
    /// <summary>[Ok(x) | Err(x)] → [x].</summary>
    ExtractResultValue,
    /// <summary>[v] → [v is an array].</summary>
    IsArray,
    /// <summary>[array] → [length].</summary>
    GetArrayLen,
    /// <summary>TypeError "? operator requires Result&lt;T, E&gt; type" unless the top of stack is a Result; the value stays.</summary>
    CheckResult,
    /// <summary>TypeError "for-in requires an array, found T" unless the top of stack is an array; the value stays.</summary>
    CheckIterable,
    /// <summary>Runtime error: no match arm matched.</summary>
    MatchFailed,
    /// <summary>
    /// TypeError unless the top of stack is a number; operand: 0 compound assignment, 1 increment, 2 decrement. The value stays.
    /// </summary>
    CheckNumber,
    /// <summary>[[item, collection]] → [item, collection]: the raw result of an item-returning write-back builtin.</summary>
    UnpackPair,
    /// <summary>Pop a message string and raise a TypeError with it.</summary>
    Throw,
}
