namespace Atlas.Bytecode;

/// <summary>
/// Abstract interpretation of a code array's operand-stack depth: decodes every reachable instruction, checks operand
/// ranges, jump targets and stack discipline, and records the depth before each instruction. Shared by the
/// compiler (max depth), the validator (errors) and the JIT (stack slot → variable mapping).
/// </summary>
internal sealed class StackAnalysis
{
    /// <summary>Depth before the instruction at each offset; -1 where unreachable or inside an instruction.</summary>
    public int[] DepthAt { get; }
    public int MaxDepth { get; private set; }
    public List<string> Errors { get; } = new();
    /// <summary>True at offsets where an instruction starts.</summary>
    public bool[] IsInstructionStart { get; }

    private StackAnalysis(int length)
    {
        DepthAt = new int[length];
        for (int i = 0; i < length; i++) DepthAt[i] = -1; // a loop: Enumerable.Repeat's generic code is not precompiled
        IsInstructionStart = new bool[length];
    }

    public static StackAnalysis Analyze(int[] code, int constantCount, int localCount, int upvalueCount, int globalCount, int arity)
    {
        var a = new StackAnalysis(code.Length);
        a.Run(code, constantCount, localCount, upvalueCount, globalCount);
        return a;
    }

    private void Run(int[] code, int constantCount, int localCount, int upvalueCount, int globalCount)
    {
        // Pass 1: instruction boundaries and operand ranges, linearly.
        int pc = 0;
        while (pc < code.Length)
        {
            IsInstructionStart[pc] = true;
            if (!OpInfo.TryGet(code[pc], out var info)) { Errors.Add($"{pc:D4}: unknown opcode {code[pc]}"); return; }
            if (info.Op is OpCode.And or OpCode.Or) Errors.Add($"{pc:D4}: opcode {info.Op} is reserved and never valid");
            if (pc + info.Size > code.Length) { Errors.Add($"{pc:D4}: {info.Op} is missing its operands"); return; }
            for (int i = 0; i < info.Operands.Length; i++)
            {
                int v = code[pc + 1 + i];
                string? problem = info.Operands[i] switch
                {
                    OperandKind.Constant when v < 0 || v >= constantCount => $"constant index {v} out of range (0..{constantCount - 1})",
                    OperandKind.Local when v < 0 || v >= localCount => $"local slot {v} out of range (0..{localCount - 1})",
                    OperandKind.Global when v < 0 || v >= globalCount => $"global slot {v} out of range (0..{globalCount - 1})",
                    OperandKind.Upvalue when v < 0 || v >= upvalueCount => $"upvalue {v} out of range (0..{upvalueCount - 1})",
                    OperandKind.Count when v < 0 || v > 65535 => $"count {v} out of range",
                    OperandKind.ArgCount when v < 0 || v > 255 => $"argument count {v} out of range (0..255)",
                    OperandKind.JumpTarget when v < 0 || v >= code.Length => $"jump target {v} outside the code (0..{code.Length - 1})",
                    OperandKind.Flag when v < 0 || v > 2 => $"flag {v} out of range",
                    _ => null,
                };
                if (problem != null) Errors.Add($"{pc:D4}: {info.Op}: {problem}");
            }
            pc += info.Size;
        }
        if (Errors.Count > 0) return;
        for (pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
        {
            var info = OpInfo.Of((OpCode)code[pc]);
            for (int i = 0; i < info.Operands.Length; i++)
            {
                if (info.Operands[i] != OperandKind.JumpTarget) continue;
                int target = code[pc + 1 + i];
                if (!IsInstructionStart[target]) Errors.Add($"{pc:D4}: {info.Op}: jump target {target} is inside an instruction");
                // Budgets (time, cancellation, fuel) are checked at Loop: any other backward jump could spin unchecked forever.
                else if (target <= pc && info.Op != OpCode.Loop)
                    Errors.Add($"{pc:D4}: {info.Op} jumps backward to {target}: only Loop may");
            }
        }
        if (Errors.Count > 0) return;
        if (code.Length == 0) { Errors.Add("empty code: a function must end with Return"); return; }

        // Pass 2: depths along every path.
        var work = new Stack<int>();
        Flow(0, 0, -1, work);
        while (work.Count > 0)
        {
            pc = work.Pop();
            int depth = DepthAt[pc];
            var info = OpInfo.Of((OpCode)code[pc]);
            var (pops, pushes) = info.StackEffect(code, pc);
            if (depth < pops) { Errors.Add($"{pc:D4}: {info.Op} needs {pops} value(s) but the stack holds {depth}"); continue; }
            int after = depth - pops + pushes;
            MaxDepth = Math.Max(MaxDepth, after);
            int next = pc + info.Size;
            switch (info.Op)
            {
                case OpCode.Jump:
                case OpCode.Loop:
                    Flow(code[pc + 1], after, pc, work);
                    break;
                case OpCode.JumpIfFalse:
                    Flow(code[pc + 1], after, pc, work);
                    Flow(next, after, pc, work);
                    break;
                default:
                    if (info.EndsBlock) break;
                    if (next >= code.Length) { Errors.Add($"{pc:D4}: execution falls off the end of the code"); break; }
                    Flow(next, after, pc, work);
                    break;
            }
        }
    }

    private void Flow(int target, int depth, int from, Stack<int> work)
    {
        if (DepthAt[target] == -1)
        {
            DepthAt[target] = depth;
            MaxDepth = Math.Max(MaxDepth, depth);
            work.Push(target);
        }
        else if (DepthAt[target] != depth)
            Errors.Add($"{target:D4}: inconsistent stack depth where paths merge ({DepthAt[target]} vs {depth} from {from:D4})");
    }
}
