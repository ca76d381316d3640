using System.Runtime.CompilerServices;
using Atlas.Bytecode;

namespace Atlas.Vm;

internal sealed partial class Interpreter
{
    /// <summary>Where <see cref="ExecuteRare"/> leaves the value stack (its top) and the code (the next instruction).</summary>
    private readonly record struct RareStep(int Sp, int Pc);

    /// <summary>
    /// The instructions that run at most once per evaluation of an expression or per loop, not per iteration (method
    /// calls, closures, array literals, the tests of match, <c>?</c> and for-in), outside <see cref="Execute"/>: every case
    /// in that method's switch spends the JIT's inlining budget for it, which ran out before the hot cases did (the
    /// ReadyToRun code of Return then called <c>proto.Constants</c> and <c>Quickener.CodeOf</c>, the arithmetic called
    /// <c>Value.Number</c>). Entered with <paramref name="pc"/> just past the opcode and <see cref="Sp"/> = <paramref name="sp"/>;
    /// the caller has recorded the instruction's offset in its frame, for errors and for the calls made here.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private RareStep ExecuteRare(OpCode op, int[] code, int pc, int sp, FunctionProto proto)
    {
        var stack = Stack;
        var consts = proto.Constants;
        switch (op)
        {
            case OpCode.CallMethod:
            {
                int k = code[pc++];
                int argc = code[pc++];
                var result = CallMethod(consts[k].AsString, MethodOf(proto, k), argc);
                stack = Stack;
                sp = Sp;
                stack[sp++] = result;
                break;
            }
            case OpCode.MakeClosure:
            {
                var fn = consts[code[pc++]].AsFunction;
                int n = code[pc++];
                var captured = new Value[n];
                Array.Copy(stack, sp - n, captured, 0, n);
                sp -= n;
                stack[sp++] = ValueOps.MakeClosure(fn.Proto, captured);
                break;
            }
            case OpCode.Array:
            {
                int n = code[pc++];
                var items = new Value[Math.Max(n, 4)];
                Array.Copy(stack, sp - n, items, 0, n);
                sp -= n;
                stack[sp++] = ValueOps.MakeArray(items, n);
                break;
            }

            case OpCode.IsOptionSome: stack[sp - 1] = Value.Bool(ValueOps.IsSome(stack[sp - 1])); break;
            case OpCode.IsOptionNone: stack[sp - 1] = Value.Bool(ValueOps.IsNone(stack[sp - 1])); break;
            case OpCode.IsResultOk: stack[sp - 1] = Value.Bool(ValueOps.IsOk(stack[sp - 1])); break;
            case OpCode.IsResultErr: stack[sp - 1] = Value.Bool(ValueOps.IsErr(stack[sp - 1])); break;
            case OpCode.ExtractOptionValue: stack[sp - 1] = ValueOps.OptionPayload(stack[sp - 1]); break;
            case OpCode.ExtractResultValue: stack[sp - 1] = ValueOps.ResultPayload(stack[sp - 1]); break;
            case OpCode.IsArray: stack[sp - 1] = Value.Bool(stack[sp - 1].Kind == ValueKind.Array); break;
            case OpCode.GetArrayLen: stack[sp - 1] = Value.Number(ValueOps.ArrayLength(stack[sp - 1])); break;
            case OpCode.CheckResult: ValueOps.RequireResult(stack[sp - 1]); break;
            case OpCode.CheckIterable: RequireIterable(stack[sp - 1]); break;
            case OpCode.MatchFailed: ValueOps.ThrowMatchFailed(); break;
            case OpCode.UnpackPair:
            {
                var pair = stack[sp - 1];
                stack[sp - 1] = ValueOps.PairItem(pair);
                stack[sp++] = ValueOps.PairCollection(pair);
                break;
            }
            case OpCode.Throw: ValueOps.ThrowMessage(stack[sp - 1]); break;

            default:
                throw new InvalidOperationException($"opcode {(int)op} at {pc - 1} in {proto.Name} is not executable");
        }
        return new RareStep(sp, pc);
    }

    /// <summary>
    /// Set while an error from a compiled loop entry unwinds: the offset where it stopped (see <see cref="RunLoopEntry"/>).
    /// </summary>
    private int _loopEntryFailurePc = -1;

    /// <summary>
    /// On-stack replacement at a hot loop's back-edge (out of <see cref="Execute"/> for the reason given at
    /// <see cref="ExecuteRare"/>): asks the tiering hook for the loop's compiled entry and runs the rest of this call there.
    /// True with the call's <paramref name="result"/> when the entry completed it; false when there was no entry yet (then
    /// the frame stops asking unless compilation is queued) or the entry declined or deoptimized (then it stops asking, and
    /// a deoptimized entry has left its resume offset for the caller).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RunLoopEntry(FunctionProto proto, int loopPc, int header, Value[] upvalues, int bp, int sp, out Value result)
    {
        result = default;
        var answer = sp == bp + proto.LocalCount ? _tiering!.OnHotLoop(proto, header, this) : HotLoopAnswer.Never;
        if (answer.Entry is not { } entry)
        {
            // Later: the compiler thread is building the entry; a later back-edge picks it up.
            if (!answer.AskAgain) Frames[FrameCount - 1].NoOsr = true;
            return false;
        }
        try
        {
            result = entry(this, new FunctionValue(proto, upvalues), bp);
        }
        catch (AtlasRuntimeException)
        {
            // The compiled continuation recorded itself as it unwound, but it is this frame: Execute's handler reports it
            // once, at the offset where it failed.
            _loopEntryFailurePc = TakePendingFramePc(loopPc);
            throw;
        }
        if (!CompiledFrames.IsLoopEntryDeclined(result)) return true;
        // A yield at an enclosing back-edge keeps the frame asking for entries; a decline or a deoptimization stops it.
        if (_yielded) _yielded = false;
        else Frames[FrameCount - 1].NoOsr = true;
        return false;
    }
}
