using Atlas.Bytecode;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Raised inside the translator for an opcode it has no translation for; reported as <see cref="JitError.UnsupportedOpcode"/>.
/// </summary>
internal sealed class UnsupportedOpcodeException(OpCode op) : Exception($"unsupported opcode {op}")
{
    public OpCode Op { get; } = op;
}
