using Atlas.Bytecode;

namespace Atlas.Jit;

/// <summary>A JIT failure: its kind and a human-readable reason (also the key under which <see cref="JitStats"/> counts it).</summary>
internal sealed record JitError(JitErrorKind Kind, string Message)
{
    public static JitError UnsupportedOpcode(OpCode opcode) => new(JitErrorKind.UnsupportedOpcode, $"unsupported opcode {opcode}");
    public static JitError CompilationFailed(string detail) => new(JitErrorKind.CompilationFailed, "compilation failed: " + detail);
    public static JitError CacheFull(int limit) => new(JitErrorKind.CacheFull, $"code cache full (limit {limit})");
    public static JitError InvalidBytecode(string detail) => new(JitErrorKind.InvalidBytecode, "invalid bytecode: " + detail);
    public static JitError ExecutionError(string detail) => new(JitErrorKind.ExecutionError, detail);

    public override string ToString() => Message;
}
