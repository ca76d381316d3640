using Atlas.Bytecode;

namespace Atlas.Jit.Tiering;

/// <summary>Where a loop sits in its function's loop nest, read off the bytecode's back-edges (docs/jit.md, "Tiering").</summary>
internal static class LoopNest
{
    /// <summary>
    /// The header of the outermost loop around <paramref name="header"/> (itself if none): a loop whose back-edge lies after
    /// the header and jumps back before it encloses it.
    /// </summary>
    public static int OutermostHeaderAround(FunctionProto proto, int header)
    {
        var code = proto.Code;
        int outermost = header;
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
            if ((OpCode)code[pc] == OpCode.Loop && code[pc + 1] < outermost && pc > header) outermost = code[pc + 1];
        return outermost;
    }
}
