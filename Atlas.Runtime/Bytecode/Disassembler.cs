using System.Text;
using Atlas.Vm;

namespace Atlas.Bytecode;

/// <summary>Prints prototypes readably: header, then one instruction per line with decoded operands.</summary>
internal static class Disassembler
{
    public static string Disassemble(CompiledProgram program)
    {
        var sb = new StringBuilder();
        foreach (var p in program.Functions)
        {
            Disassemble(p, sb, program.Globals);
            sb.AppendLine();
        }
        return sb.ToString();
    }

    public static string Disassemble(FunctionProto proto, GlobalTable? globals = null)
    {
        var sb = new StringBuilder();
        Disassemble(proto, sb, globals);
        return sb.ToString();
    }

    private static void Disassemble(FunctionProto p, StringBuilder sb, GlobalTable? globals)
    {
        sb.Append("== ").Append(p.Name).Append(" arity=").Append(p.Arity).Append(" locals=").Append(p.LocalCount)
          .Append(" upvalues=").Append(p.UpvalueCount).Append(" stack=").Append(p.MaxStack)
          .Append(" returns=").Append(p.ReturnType).AppendLine();
        if (p.LocalCount > 0)
            sb.Append("   locals: ").AppendLine(string.Join(", ", p.LocalNames.Select((n, i) => $"{i}:{n}:{p.LocalTypes[i]}")));
        if (p.UpvalueCount > 0)
            sb.Append("   upvalues: ").AppendLine(string.Join(", ", p.UpvalueNames.Select((n, i) => $"{i}:{n}")));
        var code = p.Code;
        for (int pc = 0; pc < code.Length;)
        {
            if (!OpInfo.TryGet(code[pc], out var info)) { sb.AppendLine($"{pc:D4} ??? {code[pc]}"); pc++; continue; }
            sb.Append(pc.ToString("D4")).Append(' ').Append(info.Op.ToString().PadRight(18));
            for (int i = 0; i < info.Operands.Length && pc + 1 + i < code.Length; i++)
            {
                int v = code[pc + 1 + i];
                sb.Append(' ').Append(Operand(info.Operands[i], v, p, globals));
            }
            sb.AppendLine();
            pc += info.Size;
        }
    }

    private static string Operand(OperandKind kind, int v, FunctionProto p, GlobalTable? globals) => kind switch
    {
        OperandKind.Constant when v >= 0 && v < p.Constants.Length => $"k{v} ({Describe(p.Constants[v])})",
        OperandKind.Local when v >= 0 && v < p.LocalNames.Length => $"{v} ({p.LocalNames[v]})",
        OperandKind.Upvalue when v >= 0 && v < p.UpvalueNames.Length => $"{v} ({p.UpvalueNames[v]})",
        OperandKind.Global when globals != null && v >= 0 && v < globals.Count => $"g{v} ({globals.Names[v]})",
        OperandKind.JumpTarget => $"-> {v:D4}",
        _ => v.ToString(),
    };

    private static string Describe(Value v) => v.Kind switch
    {
        ValueKind.String => "\"" + v.AsString.Replace("\n", "\\n") + "\"",
        ValueKind.Function => $"<fn {v.AsFunction.Name}>",
        _ => ValueFormatter.Display(v),
    };
}
