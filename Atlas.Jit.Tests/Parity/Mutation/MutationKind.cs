namespace Atlas.Jit.Tests.TierParity.Mutation;

/// <summary>The corruptions <see cref="BytecodeMutator"/> knows.</summary>
public enum MutationKind
{
    /// <summary>An instruction becomes another opcode with the same number of operands.</summary>
    Opcode,
    /// <summary>An operand gets a small value that may be in or out of range.</summary>
    Operand,
    /// <summary>A jump goes to another instruction start (forward or backward).</summary>
    JumpTarget,
    /// <summary>Any code word becomes any small integer.</summary>
    RawWord,
    /// <summary>A code word is removed or duplicated (instruction boundaries and jump targets drift).</summary>
    DeleteWord,
    InsertWord,
    /// <summary>Two adjacent instructions trade places.</summary>
    SwapInstructions,
    /// <summary>Frame metadata: arity, local count (with consistent or inconsistent type/name tables), max stack.</summary>
    Arity,
    LocalCount,
    MaxStack,
    /// <summary>A local's static type (compiled code unboxes by it) becomes another.</summary>
    LocalType,
    /// <summary>A constant becomes a value of another kind (number, string, bool, null, builtin, another function).</summary>
    Constant,
    /// <summary>The "assigns its upvalues" flag flips.</summary>
    MutatesUpvalues,
}
