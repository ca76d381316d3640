using Atlas.Bytecode;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Bounds of <see cref="Repr.Long"/> locals that compiled code has just tested: after <c>i &lt; b</c> succeeds with
/// both sides longs (|b| ≤ 2^53), <c>i</c> is at most 2^53 − 1 (or <c>b − 1</c> for a constant <c>b</c>) until it is next
/// stored; after it fails against a constant <c>k</c>, <c>i</c> is at least <c>k</c>. A loop counter's <c>i + 1</c>, or
/// a recursion's <c>n - 1</c> after <c>if (n &lt; 2) { return …; }</c>, then cannot leave the long range, and
/// <see cref="FunctionTranslator"/> drops its range check. An element read that compiled code completes also bounds its
/// index local: it leaves compiled code unless <c>0 ≤ i &lt; count</c> (an array holds fewer than 2^31 elements), so a
/// quicksort's <c>data[j] &gt; pivot</c> lets the <c>j--</c> after it skip its test. The facts come from comparisons and
/// reads compiled code itself executed: in a loop entry, every place a frame may arrive from the interpreter (a jump
/// target with an empty operand stack) starts with none.
/// </summary>
internal sealed class RangeFacts
{
    /// <summary>No upper bound known.</summary>
    private const long Unknown = long.MaxValue;
    /// <summary>No lower bound known.</summary>
    private const long LowUnknown = long.MinValue;

    /// <summary>The largest index an element read can succeed at: an array's count is an <c>int</c>.</summary>
    private const long MaxIndex = int.MaxValue - 1;

    private readonly FunctionProto _proto;
    private readonly TypeInference _types;
    /// <summary>Whether the GetIndex at an offset continues in compiled code only after an in-range array element read.</summary>
    private readonly Func<int, bool> _readsInRange;
    /// <summary>
    /// The bounds of each local before each reachable instruction (null: not reached): local <c>i</c>'s upper bound at
    /// <c>i</c>, its lower bound at <c>LocalCount + i</c>.
    /// </summary>
    private readonly long[]?[] _in;

    private RangeFacts(FunctionProto proto, TypeInference types, Func<int, bool> readsInRange)
    {
        _proto = proto;
        _types = types;
        _readsInRange = readsInRange;
        _in = new long[proto.Code.Length][];
    }

    /// <param name="forLoopEntry">Compiled code may start at any loop header (a loop entry), knowing nothing there.</param>
    /// <param name="readsInRange">
    /// Whether compiled code continues after the GetIndex at an offset only when it read an array element in range (it
    /// leaves compiled code otherwise): the index local before it is then at least 0 and at most <see cref="MaxIndex"/>.
    /// </param>
    public static RangeFacts Analyze(FunctionProto proto, TypeInference types, bool forLoopEntry, Func<int, bool> readsInRange)
    {
        var facts = new RangeFacts(proto, types, readsInRange);
        facts.Solve(forLoopEntry);
        return facts;
    }

    private long[] NoFacts()
    {
        var bounds = new long[2 * _proto.LocalCount];
        Array.Fill(bounds, Unknown, 0, _proto.LocalCount);
        Array.Fill(bounds, LowUnknown, _proto.LocalCount, _proto.LocalCount);
        return bounds;
    }

    private int Low(int local) => _proto.LocalCount + local;

    private void Solve(bool forLoopEntry)
    {
        var code = _proto.Code;
        var work = new Stack<int>();
        _in[0] = NoFacts();
        work.Push(0);
        for (int pc = 1; forLoopEntry && pc < code.Length; pc++)
        {
            if (!_types.IsJumpTarget[pc] || _types.In[pc] is not { Length: 0 }) continue;
            _in[pc] = NoFacts();
            work.Push(pc);
        }
        while (work.Count > 0)
        {
            int pc = work.Pop();
            var state = _in[pc]!;
            var op = (OpCode)code[pc];
            int next = pc + OpInfo.Of(op).Size;
            foreach (int target in DefiniteAssignment.Successors(code, pc))
            {
                int successor = Threaded(pc, target, next);
                var output = state;
                int set = op == OpCode.SetLocal ? code[pc + 1] : -1;
                if (set >= 0 && (state[set] != Unknown || state[Low(set)] != LowUnknown))
                {
                    output = (long[])state.Clone();
                    output[set] = Unknown;
                    output[Low(set)] = LowUnknown;
                }
                else if (op == OpCode.GetIndex && IndexLocal(pc) is int index
                    && (state[index] > MaxIndex || state[Low(index)] < 0))
                {
                    output = (long[])state.Clone();
                    output[index] = Math.Min(state[index], MaxIndex);
                    output[Low(index)] = Math.Max(state[Low(index)], 0);
                }
                else if (op == OpCode.JumpIfFalse && code[pc + 1] != next && TestedBound(pc) is var (local, bound, constant))
                {
                    // Not taken: i < b held. Taken: it failed, so i ≥ k for a constant k.
                    if (successor == next && bound < state[local])
                    {
                        output = (long[])state.Clone();
                        output[local] = bound;
                    }
                    else if (successor != next && constant is { } k && k > state[Low(local)])
                    {
                        output = (long[])state.Clone();
                        output[Low(local)] = k;
                    }
                }
                if (Merge(successor, output)) work.Push(successor);
            }
        }
    }

    /// <summary>
    /// Where a jump from <paramref name="pc"/> to <paramref name="target"/> really continues. <c>a &amp;&amp; b</c> compiles to
    /// <c>a; Dup; JumpIfFalse L; Pop; b; L: JumpIfFalse M</c>: the first jump is taken with false on the stack, so the one
    /// at <c>L</c> always jumps on to <c>M</c>. Following it there leaves <c>L</c> only the way through <c>b</c>, where
    /// <c>a</c> held, so a loop guarded by <c>i &lt; n &amp;&amp; …</c> keeps the bound of <c>i</c>.
    /// </summary>
    private int Threaded(int pc, int target, int next)
    {
        var code = _proto.Code;
        if (target == next || (OpCode)code[pc] != OpCode.JumpIfFalse || pc < 1 || (OpCode)code[pc - 1] != OpCode.Dup
            || !_types.Stack.IsInstructionStart[pc - 1])
            return target;
        return (OpCode)code[target] == OpCode.JumpIfFalse ? code[target + 1] : target;
    }

    /// <summary>Joins <paramref name="bounds"/> into the state before <paramref name="pc"/>; true if that changed it.</summary>
    private bool Merge(int pc, long[] bounds)
    {
        if (_in[pc] is not { } existing)
        {
            _in[pc] = (long[])bounds.Clone();
            return true;
        }
        bool changed = false;
        int locals = _proto.LocalCount;
        for (int i = 0; i < locals; i++)
            if (bounds[i] > existing[i]) { existing[i] = bounds[i]; changed = true; }
        for (int i = locals; i < existing.Length; i++)
            if (bounds[i] < existing[i]) { existing[i] = bounds[i]; changed = true; }
        return changed;
    }

    /// <summary>
    /// For a <c>JumpIfFalse</c> right after <c>GetLocal i; (GetLocal b | Constant b); Less</c> on longs, with no jump into
    /// the middle: the local, its bound when the jump is not taken, and <c>b</c> if it is a constant (the local's lower
    /// bound when the jump is taken).
    /// </summary>
    private (int Local, long Bound, long? Constant)? TestedBound(int pc)
    {
        var code = _proto.Code;
        // a && b: the comparison is duplicated for the jump (see Threaded).
        if (pc >= 1 && (OpCode)code[pc - 1] == OpCode.Dup && _types.Stack.IsInstructionStart[pc - 1]) pc--;
        if (pc < 5 || (OpCode)code[pc - 1] != OpCode.Less) return null;
        if (!IsStraight(pc - 5, pc) || !IsLocalRead(pc - 5)) return null;
        if (_types.In[pc - 1] is not { Length: >= 2 } atLess || atLess[^1].Repr != Repr.Long || atLess[^2].Repr != Repr.Long)
            return null;
        long bound = Reprs.MaxLong - 1;
        long? constant = null;
        if ((OpCode)code[pc - 3] == OpCode.Constant)
        {
            // A long slot's constant is a whole number of magnitude at most 2^53.
            constant = (long)_proto.Constants[code[pc - 2]].Num;
            bound = Math.Min(bound, constant.Value - 1);
        }
        else if (!IsLocalRead(pc - 3)) return null;
        return (code[pc - 4], bound, constant);
    }

    /// <summary>
    /// Whether <c>x + c</c> at the <c>Add</c> at <paramref name="pc"/> stays a long: <c>GetLocal i; Constant c</c> (either
    /// order) right before it, <c>c</c> not negative and <c>i</c>'s bound plus <c>c</c> at most 2^53. The lower end needs
    /// no test: a long is at least −2^53, and adding a non-negative number cannot go below that.
    /// </summary>
    public bool AddStaysLong(int pc)
    {
        var code = _proto.Code;
        if (pc < 4 || !IsStraight(pc - 4, pc)) return false;
        int local, constant;
        if (IsLocalRead(pc - 4) && (OpCode)code[pc - 2] == OpCode.Constant) (local, constant) = (code[pc - 3], code[pc - 1]);
        else if (IsLocalRead(pc - 2) && (OpCode)code[pc - 4] == OpCode.Constant) (local, constant) = (code[pc - 1], code[pc - 3]);
        else return false;
        // Long operands (the caller's condition) are whole numbers of magnitude at most 2^53.
        double c = _proto.Constants[constant].Num;
        return _in[pc - 4] is { } bounds && c >= 0 && bounds[local] != Unknown && bounds[local] <= Reprs.MaxLong - (long)c;
    }

    /// <summary>
    /// Whether <c>i - c</c> at the <c>Sub</c> at <paramref name="pc"/> stays a long: <c>GetLocal i; Constant c</c> right
    /// before it, <c>c</c> not negative and <c>i</c>'s lower bound minus <c>c</c> at least −2^53. The upper end needs no
    /// test: a long is at most 2^53, and subtracting a non-negative number cannot go above that.
    /// </summary>
    public bool SubStaysLong(int pc)
    {
        var code = _proto.Code;
        if (pc < 4 || !IsStraight(pc - 4, pc) || !IsLocalRead(pc - 4) || (OpCode)code[pc - 2] != OpCode.Constant) return false;
        int local = code[pc - 3];
        double c = _proto.Constants[code[pc - 1]].Num;
        return _in[pc - 4] is { } bounds && c >= 0 && bounds[Low(local)] != LowUnknown
            && bounds[Low(local)] >= -Reprs.MaxLong + (long)c;
    }

    /// <summary>
    /// The local a GetIndex at <paramref name="pc"/> reads its index from — <c>GetLocal i</c> right before it, on a straight
    /// line — when compiled code continues after it only with that index in range (<see cref="_readsInRange"/>).
    /// </summary>
    private int? IndexLocal(int pc) =>
        pc >= 2 && IsStraight(pc - 2, pc) && IsLocalRead(pc - 2) && _readsInRange(pc) ? _proto.Code[pc - 1] : null;

    private bool IsLocalRead(int pc) => (OpCode)_proto.Code[pc] is OpCode.GetLocal or OpCode.BorrowLocal;

    /// <summary>
    /// Whether <paramref name="from"/> starts a reachable instruction and every instruction up to <paramref name="to"/>
    /// (two-byte ones from <paramref name="from"/>, then a run ending at <paramref name="to"/>) is entered only from the
    /// one before it.
    /// </summary>
    private bool IsStraight(int from, int to)
    {
        if (_types.In[from] == null || !_types.Stack.IsInstructionStart[from]) return false;
        for (int pc = from + 1; pc <= to; pc++)
            if (_types.Stack.IsInstructionStart[pc] && _types.IsJumpTarget[pc]) return false;
        return true;
    }
}
