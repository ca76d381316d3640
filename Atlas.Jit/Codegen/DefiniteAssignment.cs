using Atlas.Bytecode;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Finds locals that some path reads before any store. The VM starts such a local as null, so it must stay a boxed
/// <see cref="Atlas.Vm.Value"/> in compiled code even if every store is a number. (Compiler-generated code always stores
/// first; hand-built or future bytecode need not.)
/// </summary>
internal static class DefiniteAssignment
{
    public static bool[] MaybeReadUnassigned(FunctionProto proto, StackAnalysis analysis) => Flow(proto, analysis).MaybeRead;

    /// <summary>
    /// Locals stored on every path from the function's start to <paramref name="pc"/> (parameters count as stored). A
    /// local that is not is dead there: every read after <paramref name="pc"/> is preceded by a store, or it would be in
    /// <see cref="MaybeReadUnassigned"/>.
    /// </summary>
    public static bool[] AssignedAt(FunctionProto proto, StackAnalysis analysis, int pc)
    {
        var state = Flow(proto, analysis).AssignedIn[pc];
        var result = new bool[proto.LocalCount];
        for (int i = 0; i < result.Length && state != null; i++) result[i] = (state[i / 64] & (1UL << (i % 64))) != 0;
        return result;
    }

    private static (bool[] MaybeRead, ulong[]?[] AssignedIn) Flow(FunctionProto proto, StackAnalysis analysis)
    {
        var code = proto.Code;
        int locals = proto.LocalCount;
        int words = (locals + 63) / 64;
        var result = new bool[locals];
        var assignedIn = new ulong[code.Length][];
        if (locals == 0) return (result, assignedIn);
        var entry = new ulong[words];
        for (int i = 0; i < proto.Arity; i++) entry[i / 64] |= 1UL << (i % 64);
        assignedIn[0] = entry;
        var work = new Stack<int>();
        work.Push(0);
        while (work.Count > 0)
        {
            int pc = work.Pop();
            var state = (ulong[])assignedIn[pc].Clone();
            var op = (OpCode)code[pc];
            if (op is OpCode.GetLocal or OpCode.BorrowLocal)
            {
                int s = code[pc + 1];
                if ((state[s / 64] & (1UL << (s % 64))) == 0) result[s] = true;
            }
            else if (op == OpCode.SetLocal)
            {
                int s = code[pc + 1];
                state[s / 64] |= 1UL << (s % 64);
            }
            foreach (int next in Successors(code, pc))
            {
                if (analysis.DepthAt[next] < 0) continue;
                var existing = assignedIn[next];
                if (existing == null)
                {
                    assignedIn[next] = (ulong[])state.Clone();
                    work.Push(next);
                    continue;
                }
                bool changed = false;
                for (int w = 0; w < words; w++)
                {
                    ulong meet = existing[w] & state[w];
                    if (meet != existing[w]) { existing[w] = meet; changed = true; }
                }
                if (changed) work.Push(next);
            }
        }
        return (result, assignedIn);
    }

    /// <summary>Offsets control can reach directly after the instruction at <paramref name="pc"/>.</summary>
    public static IEnumerable<int> Successors(int[] code, int pc)
    {
        var info = OpInfo.Of((OpCode)code[pc]);
        switch (info.Op)
        {
            case OpCode.Jump:
            case OpCode.Loop:
                yield return code[pc + 1];
                break;
            case OpCode.JumpIfFalse:
                yield return code[pc + 1];
                yield return pc + info.Size;
                break;
            default:
                if (!info.EndsBlock && pc + info.Size < code.Length) yield return pc + info.Size;
                break;
        }
    }
}
