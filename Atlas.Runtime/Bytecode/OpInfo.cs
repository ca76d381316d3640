namespace Atlas.Bytecode;

/// <summary>
/// The single metadata table of the instruction set: operands and stack effect per opcode.
/// <see cref="Pops"/>/<see cref="Pushes"/> of -1 mean "depends on the count operand" (see <see cref="StackEffect"/>).
/// </summary>
internal sealed record OpInfo(OpCode Op, OperandKind[] Operands, int Pops, int Pushes, bool EndsBlock = false)
{
    private static readonly OperandKind[] None = [];
    /// <summary>
    /// By opcode value (null where no opcode has that value). An array, not a dictionary keyed by the enum: every
    /// analysis reads it per instruction, and a dictionary of an enum key is generic code that is not precompiled (the
    /// .NET JIT compiled its comparer at every start-up).
    /// </summary>
    private static readonly OpInfo?[] Table = Build();

    /// <summary>Opcode values are below this.</summary>
    private const int MaxOpcodes = 256;

    public int Size => 1 + Operands.Length;

    public static OpInfo Of(OpCode op) =>
        (uint)op < (uint)Table.Length && Table[(int)op] is { } info ? info : throw new KeyNotFoundException($"no opcode {(int)op}");

    public static bool TryGet(int raw, out OpInfo info)
    {
        info = (uint)raw < (uint)Table.Length ? Table[raw]! : null!;
        return info != null;
    }

    public static IEnumerable<OpInfo> All => Table.OfType<OpInfo>();

    /// <summary>Values popped and pushed by the instruction at <paramref name="pc"/>.</summary>
    public (int Pops, int Pushes) StackEffect(int[] code, int pc) => Op switch
    {
        OpCode.MakeClosure => (code[pc + 2], 1),
        OpCode.Array => (code[pc + 1], 1),
        OpCode.Call => (code[pc + 1] + 1, 1),
        OpCode.CallMethod => (code[pc + 2] + 1, 1),
        _ => (Pops, Pushes),
    };

    private static OpInfo?[] Build()
    {
        var t = new OpInfo?[MaxOpcodes]; // an opcode of a larger value fails here, at every start
        void Add(OpCode op, int pops, int pushes, params OperandKind[] operands) =>
            t[(int)op] = new OpInfo(op, operands.Length == 0 ? None : operands, pops, pushes);
        void End(OpCode op, int pops, params OperandKind[] operands) => t[(int)op] = new OpInfo(op, operands, pops, 0, EndsBlock: true);

        Add(OpCode.Constant, 0, 1, OperandKind.Constant);
        Add(OpCode.Null, 0, 1);
        Add(OpCode.True, 0, 1);
        Add(OpCode.False, 0, 1);
        Add(OpCode.GetLocal, 0, 1, OperandKind.Local);
        Add(OpCode.SetLocal, 1, 1, OperandKind.Local);
        Add(OpCode.GetGlobal, 0, 1, OperandKind.Global);
        Add(OpCode.SetGlobal, 1, 1, OperandKind.Global);
        Add(OpCode.GetUpvalue, 0, 1, OperandKind.Upvalue);
        Add(OpCode.SetUpvalue, 1, 1, OperandKind.Upvalue);
        Add(OpCode.BorrowLocal, 0, 1, OperandKind.Local);
        Add(OpCode.BorrowGlobal, 0, 1, OperandKind.Global);
        Add(OpCode.BorrowUpvalue, 0, 1, OperandKind.Upvalue);
        Add(OpCode.MakeClosure, -1, 1, OperandKind.Constant, OperandKind.Count);
        foreach (var op in new[] { OpCode.Add, OpCode.Sub, OpCode.Mul, OpCode.Div, OpCode.Mod, OpCode.Equal, OpCode.NotEqual,
                     OpCode.Less, OpCode.LessEqual, OpCode.Greater, OpCode.GreaterEqual, OpCode.And, OpCode.Or, OpCode.GetIndex })
            Add(op, 2, 1);
        Add(OpCode.Negate, 1, 1);
        Add(OpCode.Not, 1, 1);
        Add(OpCode.CheckBool, 1, 1, OperandKind.Flag);
        End(OpCode.Jump, 0, OperandKind.JumpTarget);
        Add(OpCode.JumpIfFalse, 1, 0, OperandKind.JumpTarget);
        End(OpCode.Loop, 0, OperandKind.JumpTarget);
        Add(OpCode.Call, -1, 1, OperandKind.ArgCount);
        Add(OpCode.CallMethod, -1, 1, OperandKind.Constant, OperandKind.ArgCount);
        End(OpCode.Return, 1);
        Add(OpCode.Array, -1, 1, OperandKind.Count);
        Add(OpCode.SetIndex, 3, 1);
        Add(OpCode.Pop, 1, 0);
        Add(OpCode.Dup, 1, 2);
        foreach (var op in new[] { OpCode.IsOptionSome, OpCode.IsOptionNone, OpCode.IsResultOk, OpCode.IsResultErr,
                     OpCode.ExtractOptionValue, OpCode.ExtractResultValue, OpCode.IsArray, OpCode.GetArrayLen,
                     OpCode.CheckResult, OpCode.CheckIterable })
            Add(op, 1, 1);
        End(OpCode.MatchFailed, 0);
        Add(OpCode.CheckNumber, 1, 1, OperandKind.Flag);
        Add(OpCode.UnpackPair, 1, 2);
        End(OpCode.Throw, 1);
        return t;
    }
}
