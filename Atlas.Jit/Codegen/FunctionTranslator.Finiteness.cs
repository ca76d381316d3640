using System.Linq.Expressions;
using Atlas.Bytecode;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Deferred finiteness checks (docs/jit.md, "Deferred finiteness checks"). <c>+ - *</c> on doubles raise AT0007 when the
/// result is ±∞ or NaN, at that operator. Inside a <em>pure run</em> — a straight line of instructions that only push
/// locals and constants, read array elements and compute <c>+ - *</c> and negation on doubles — compiled code computes
/// and reads without testing (a failed element read gives NaN) and tests every result still on the operand stack once,
/// before the first instruction that is not part of the run (a store, a comparison, a call, a jump, a label). The three
/// operators keep a non-finite operand non-finite (∞ − ∞ and ∞ × 0 are NaN), so a value that failed somewhere in the run
/// fails the test; the run changed nothing the interpreter can see, so a failed test continues the call in the
/// interpreter at the run's first instruction, which computes the run again and raises AT0007 at the very operator (or
/// the read's own error at the read), with its location and call stack.
/// </summary>
internal sealed partial class FunctionTranslator
{
    /// <summary>Test <c>+ - *</c> results once per pure run instead of after each (<see cref="JitConfig.DeferFiniteChecks"/>).</summary>
    public bool DeferFiniteChecks { get; init; }

    /// <summary>The offset of the push that starts the current pure run (-1: no run).</summary>
    private int _runStart = -1;

    /// <summary>Stack depths that hold doubles computed in the current run and not yet tested.</summary>
    private readonly List<int> _untested = new();

    /// <summary>Whether the instruction being emitted belongs to the current pure run.</summary>
    private bool _inRun;

    /// <summary>Whether the instruction being emitted computed its <c>+ - *</c> without the test (its result is untested).</summary>
    private bool _deferring;

    /// <summary>
    /// Called before each reachable instruction: tests the run's values when this instruction ends it (or is a jump target,
    /// where paths merge), and starts or extends the run. Returns whether the instruction belongs to the run.
    /// </summary>
    private bool EnterInstruction(int pc, OpCode op, SlotInfo[] input)
    {
        if (!DeferFiniteChecks) return false;
        if (_types.IsJumpTarget[pc] || !InRun(pc, op, input))
        {
            TestUntested();
            _runStart = -1;
        }
        // A run starts at a push the exit can produce again, a jump target included (an instruction that InRun refused is
        // never one: every such push joins a run).
        if (_runStart < 0)
        {
            if (!StartsRun(pc, op)) return false;
            _runStart = pc;
        }
        return true;
    }

    /// <summary>Updates the untested depths after an instruction of the run (<paramref name="input"/>: the stack before it).</summary>
    private void LeaveInstruction(int pc, OpCode op, SlotInfo[] input, bool inRun)
    {
        if (!inRun) return;
        int d = input.Length;
        int pops = OpInfo.Of(op).StackEffect(_proto.Code, pc).Pops;
        bool operandUntested = op == OpCode.Negate && _untested.Contains(d - 1);
        _untested.RemoveAll(k => k >= d - pops);
        if (_deferring || operandUntested) _untested.Add(d - pops);
        _deferring = false;
    }

    /// <summary>
    /// Whether the instruction at <paramref name="pc"/> can join (or start) a pure run: it has no effect the interpreter
    /// could see, cannot fail except through the run's test (an element read's failure is a NaN, tested with the run's
    /// results: <see cref="EmitArrayRead"/>), and consumes only
    /// values pushed inside the run, so the stack below the run's start is still there when a test fails.
    /// </summary>
    private bool InRun(int pc, OpCode op, SlotInfo[] input)
    {
        if (_runStart < 0) return StartsRun(pc, op);
        int d = input.Length;
        int runBase = _types.In[_runStart]!.Length;
        switch (op)
        {
            case OpCode.Constant or OpCode.BorrowLocal: return true;
            case OpCode.GetLocal: return Reprs.IsNumber(_types.Locals[_proto.Code[pc + 1]]);
            case OpCode.Add or OpCode.Sub or OpCode.Mul:
                return d - 2 >= runBase && Reprs.IsNumber(input[d - 2].Repr) && Reprs.IsNumber(input[d - 1].Repr)
                    && !BothLong(input);
            case OpCode.Negate: return d - 1 >= runBase && input[d - 1].Repr == Repr.Double;
            case OpCode.GetIndex:
                return d - 2 >= runBase && IsArrayElementRead(pc, input);
            default: return false;
        }
    }

    /// <summary>
    /// A run starts with a push whose value the exit can produce again (a number constant, a local): the interpreter
    /// resumes after it with that value pushed.
    /// </summary>
    private bool StartsRun(int pc, OpCode op) => op switch
    {
        OpCode.Constant => !ConstantCallees.ContainsKey(pc) && _proto.Constants[_proto.Code[pc + 1]].Kind == Vm.ValueKind.Number,
        OpCode.GetLocal => _types.Locals[_proto.Code[pc + 1]] is Repr.Double or Repr.Long,
        // An array local (the exit pushes it again, borrowed): a run can start with the array of an element read.
        OpCode.BorrowLocal => _types.Locals[_proto.Code[pc + 1]] is Repr.Double or Repr.Long or Repr.Array,
        _ => false,
    };

    /// <summary>The element read <see cref="EmitArrayRead"/> compiles (an array slot, a long index, a number element).</summary>
    private bool IsArrayElementRead(int pc, SlotInfo[] input)
    {
        int d = input.Length;
        return GlobalElementReadAt(pc) is null && input[d - 2].Repr == Repr.Array && input[d - 1].Repr == Repr.Long
            && _types.Transfer(pc, input)[d - 2].Repr == Repr.Double;
    }

    /// <summary>The untested doubles of the run, or null when there are none.</summary>
    private Expression? AnyUntestedFails()
    {
        Expression? any = null;
        foreach (int k in _untested)
        {
            var fails = Not(Call(JitMethods.IsFinite, Slot(k, Repr.Double)));
            any = any == null ? fails : OrElse(any, fails);
        }
        return any;
    }

    /// <summary>
    /// The exit a failed test takes: the interpreter continues after the run's first instruction, with the stack below the
    /// run and that instruction's value (a constant, or a local the run has not stored) waiting on top.
    /// </summary>
    private Expression RunAgainInInterpreter()
    {
        var code = _proto.Code;
        int start = _runStart;
        int resumeAt = start + OpInfo.Of((OpCode)code[start]).Size;
        var below = _types.In[start]!.Length;
        Expression pending = (OpCode)code[start] == OpCode.Constant
            ? Call(JitMethods.PendNumber, _vmParam, Constant(_proto.Constants[code[start + 1]].AsNumber))
            : _types.Locals[code[start + 1]] == Repr.Array
                ? Call(JitMethods.PendValue, _vmParam, Call(JitMethods.BoxArray, _locals[code[start + 1]]))
                : Call(JitMethods.PendNumber, _vmParam, Expression.Convert(_locals[code[start + 1]], typeof(double)));
        return Block(typeof(void), pending, Deoptimize(resumeAt, _types.In[resumeAt]!, below));
    }

    /// <summary>Tests the run's untested values (before the instruction that ends it) and forgets them.</summary>
    private void TestUntested()
    {
        if (AnyUntestedFails() is { } fails) _code.Add(IfThen(fails, RunAgainInInterpreter()));
        _untested.Clear();
    }
}
