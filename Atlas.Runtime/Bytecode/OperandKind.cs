namespace Atlas.Bytecode;

/// <summary>What an instruction operand indexes or means; the validator range-checks each kind.</summary>
internal enum OperandKind
{
    Constant,
    Local,
    Global,
    Upvalue,
    Count,
    JumpTarget,
    ArgCount,
    Flag,
}
