using Atlas.Bytecode;
using Atlas.Stdlib;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Mutation;

/// <summary>Applies <see cref="Mutation"/>s to prototypes (on copies made by <see cref="ProtoRewriter"/>).</summary>
internal static class BytecodeMutator
{
    private static readonly OpCode[] Opcodes = Enum.GetValues<OpCode>();

    public static FunctionProto Apply(Mutation m, FunctionProto p, IReadOnlyList<FunctionProto> program)
    {
        var code = p.Code;
        var starts = InstructionStarts(code);
        int Mod(int x, int n) => n == 0 ? 0 : ((x % n) + n) % n;
        switch (m.Kind)
        {
            case MutationKind.Opcode when starts.Count > 0:
            {
                int at = starts[Mod(m.A, starts.Count)];
                int operands = OpInfo.TryGet(code[at], out var info) ? info.Operands.Length : -1;
                var same = Opcodes.Where(o => OpInfo.Of(o).Operands.Length == operands).ToArray();
                if (same.Length > 0) code[at] = (int)same[Mod(m.B, same.Length)];
                return p;
            }
            case MutationKind.Operand:
            {
                var withOperands = starts.Where(s => OpInfo.TryGet(code[s], out var i) && i.Operands.Length > 0).ToList();
                if (withOperands.Count == 0) return p;
                int at = withOperands[Mod(m.A, withOperands.Count)];
                code[at + 1] = Mod(m.B, 12) - 2;
                return p;
            }
            case MutationKind.JumpTarget:
            {
                var jumps = starts.Where(s => code[s] is (int)OpCode.Jump or (int)OpCode.JumpIfFalse or (int)OpCode.Loop).ToList();
                if (jumps.Count == 0) return p;
                code[jumps[Mod(m.A, jumps.Count)] + 1] = starts[Mod(m.B, starts.Count)];
                return p;
            }
            case MutationKind.RawWord when code.Length > 0:
                code[Mod(m.A, code.Length)] = Mod(m.B, 70) - 5;
                return p;
            case MutationKind.DeleteWord when code.Length > 1:
            {
                int at = Mod(m.A, code.Length);
                return ProtoRewriter.Copy(p, p.Constants, code.Where((_, i) => i != at).ToArray());
            }
            case MutationKind.InsertWord:
            {
                int at = Mod(m.A, code.Length + 1);
                return ProtoRewriter.Copy(p, p.Constants, code.Take(at).Append(Mod(m.B, 70) - 5).Concat(code.Skip(at)).ToArray());
            }
            case MutationKind.SwapInstructions when starts.Count > 1:
            {
                int i = Mod(m.A, starts.Count - 1);
                int a = starts[i], b = starts[i + 1], end = i + 2 < starts.Count ? starts[i + 2] : code.Length;
                var swapped = code.Take(a).Concat(code[b..end]).Concat(code[a..b]).Concat(code.Skip(end)).ToArray();
                return ProtoRewriter.Copy(p, p.Constants, swapped);
            }
            case MutationKind.Arity:
                return ProtoRewriter.Copy(p, p.Constants, code, arity: p.Arity + (m.B % 2 == 0 ? 1 : -1));
            case MutationKind.LocalCount:
            {
                int n = Math.Max(0, p.LocalCount + (m.B % 2 == 0 ? 1 : -1));
                // Usually the type and name tables follow (the validator then checks the code against the new count).
                bool consistent = Mod(m.A, 4) != 0;
                var types = consistent ? Resize(p.LocalTypes, n, StaticType.Any) : p.LocalTypes;
                var names = consistent ? Resize(p.LocalNames, n, "extra") : p.LocalNames;
                return ProtoRewriter.Copy(p, p.Constants, code, localCount: n, localTypes: types, localNames: names);
            }
            case MutationKind.MaxStack:
                return ProtoRewriter.Copy(p, p.Constants, code, maxStack: Math.Max(0, p.MaxStack + Mod(m.B, 5) - 2));
            case MutationKind.LocalType when p.LocalTypes.Length > 0:
                p.LocalTypes[Mod(m.A, p.LocalTypes.Length)] = (StaticType)Mod(m.B, Enum.GetValues<StaticType>().Length);
                return p;
            case MutationKind.Constant when p.Constants.Length > 0:
                p.Constants[Mod(m.A, p.Constants.Length)] = Replacement(m.B, program);
                return p;
            case MutationKind.MutatesUpvalues:
                return ProtoRewriter.Copy(p, p.Constants, code, mutatesUpvalues: !p.MutatesUpvalues);
            default:
                return p;
        }
    }

    private static Value Replacement(int pick, IReadOnlyList<FunctionProto> program)
    {
        int k = Math.Abs(pick % 8);
        return k switch
        {
            0 => Value.Number(pick % 5),
            1 => Value.String("s" + pick % 3),
            2 => Value.Bool(pick % 2 == 0),
            3 => Value.Null,
            4 => BuiltinRegistry.Get(new[] { "print", "len", "str", "Some" }[Math.Abs(pick / 8 % 4)]).Value,
            5 => OptionValue.None,
            // Another function of the program, possibly one that needs captures it will not get.
            _ => program.Count > 1
                ? Value.Function(new FunctionValue(program[1 + Math.Abs(pick / 8) % (program.Count - 1)]))
                : Value.Number(0),
        };
    }

    private static T[] Resize<T>(T[] items, int n, T fill) =>
        Enumerable.Range(0, n).Select(i => i < items.Length ? items[i] : fill).ToArray();

    /// <summary>Offsets where instructions start, decoding until an unknown opcode.</summary>
    public static List<int> InstructionStarts(int[] code)
    {
        var starts = new List<int>();
        // Only whole instructions: after a raw-word mutation the last opcode's operands may run past the end, and a later
        // mutation of its operand would write outside the code (CI at 7f7317c failed that way).
        for (int pc = 0; pc < code.Length && OpInfo.TryGet(code[pc], out var info) && pc + info.Size <= code.Length; pc += info.Size)
            starts.Add(pc);
        return starts;
    }
}
