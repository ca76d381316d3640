using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

internal sealed partial class FunctionTranslator
{
    /// <summary>
    /// A global read that only feeds the callee slot of a direct call site (<c>GetGlobal f; args…; Call n</c> on a straight
    /// line whose arguments call nothing and store no global, so the global cannot change in between): it is compiled to
    /// the call protocol's guard (<see cref="Guard"/>); the value is never held in the frame. Of a global that holds a
    /// declared function (<paramref name="Stable"/>: a <c>fn</c>, whose value only a redefinition replaces, which also
    /// drops every compiled caller that guessed it), a failed guard deoptimizes at the read and the call has no guard.
    /// Otherwise the guard is evaluated again at the call; where it fails, the read checks the global is defined (AT0002 at
    /// the read, as the interpreter raises it) and the generic call path reads it again.
    /// </summary>
    private sealed record CalleeRead(
        int CallPc, int Global, bool Shares, FunctionValue Value, JitFunction Target, bool Stable);

    /// <summary>Fused callee reads by the offset of their GetGlobal/BorrowGlobal.</summary>
    private Dictionary<int, CalleeRead>? _calleeReads;

    private Dictionary<int, CalleeRead> CalleeReads => _calleeReads ??= FindCalleeReads();

    private Dictionary<int, CalleeRead> FindCalleeReads()
    {
        var found = new Dictionary<int, CalleeRead>();
        var code = _proto.Code;
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
        {
            var op = (OpCode)code[pc];
            if (op is not (OpCode.GetGlobal or OpCode.BorrowGlobal) || _types.In[pc] is not { } input) continue;
            if (FusableCall(pc, input.Length) is not { } callPc) continue;
            var call = _types.In[callPc]!;
            int argc = code[callPc + 1];
            if (!call[input.Length].IsGlobal || call[input.Length].Source != code[pc + 1]) continue;
            if (GuessCallee(call[input.Length], argc) is not { } guess || guess.Value.Upvalues.Length != 0) continue;
            if (!ArgumentsFit(call, input.Length, argc, guess.Function)) continue;
            bool stable = Globals is { } table && table.HoldsDeclaredFunction(code[pc + 1]);
            found[pc] = new CalleeRead(callPc, code[pc + 1], op == OpCode.GetGlobal, guess.Value, guess.Function, stable);
        }
        return found;
    }

    /// <summary>
    /// The Call that consumes the value pushed at <paramref name="pc"/> (stack depth <paramref name="depth"/>) on a
    /// straight line, if any.
    /// </summary>
    private int? FusableCall(int pc, int depth) =>
        StraightLineConsumer(pc, depth, OpCode.Call, (q, at) => at.Length - _proto.Code[q + 1] - 1 == depth,
            [OpCode.CallMethod, OpCode.SetGlobal]);

    /// <summary>Whether the instruction at <paramref name="q"/> (stack <paramref name="at"/>) takes the value looked for.</summary>
    private delegate bool TakesValue(int q, SlotInfo[] at);

    /// <summary>
    /// The first <paramref name="consumer"/> instruction after <paramref name="pc"/> on a straight line (no jump into it,
    /// no jump, block end or instruction of <paramref name="stops"/> before it, the value pushed at <paramref name="pc"/>
    /// at stack depth <paramref name="depth"/> still there), if <paramref name="takes"/> says it consumes that value.
    /// </summary>
    private int? StraightLineConsumer(int pc, int depth, OpCode consumer, TakesValue takes, OpCode[] stops)
    {
        var code = _proto.Code;
        for (int q = pc + OpInfo.Of((OpCode)code[pc]).Size; q < code.Length; q += OpInfo.Of((OpCode)code[q]).Size)
        {
            if (_types.In[q] is not { } at || _types.IsJumpTarget[q] || at.Length <= depth) return null;
            var info = OpInfo.Of((OpCode)code[q]);
            if (info.Op == consumer) return takes(q, at) ? q : null;
            if (info.EndsBlock || info.Op is OpCode.JumpIfFalse or OpCode.Jump or OpCode.Loop) return null;
            foreach (var stop in stops)
                if (info.Op == stop) return null;
        }
        return null;
    }

    /// <summary>
    /// True when every argument can be passed to <paramref name="target"/>'s typed body (boxed, as is, or after a kind test).
    /// </summary>
    private static bool ArgumentsFit(SlotInfo[] call, int c, int argc, JitFunction target)
    {
        for (int i = 0; i < argc; i++)
        {
            var have = call[c + 1 + i].Repr;
            var want = target.ParamReprs[i];
            if (want != Repr.Value && have != want && have != Repr.Value && !(Reprs.IsNumber(have) && Reprs.IsNumber(want)))
                return false;
        }
        return true;
    }

    /// <summary>
    /// A fused callee read: only if the guard fails, the instruction's own read (which raises AT0002 for an undefined
    /// global here, before the arguments are evaluated, as the interpreter does). The call site evaluates the guard again
    /// rather than keeping its result: nothing in between can change it, and a flag live across the arguments is one more
    /// register the method keeps.
    /// </summary>
    private void EmitCalleeRead(int pc, OpCode op, SlotInfo[] input, CalleeRead read)
    {
        // Only the read's own error needs this offset, and only where the guard failed: pc is stored there, not before
        // every call. What comes next stores its own offset (the variable's value is unknown after the branch).
        var setPc = Assign(_pc, Constant(pc));
        var global = Constant(read.Global);
        _code.Add(IfThen(Not(Guard(read)), read.Stable
            // The read itself (AT0002 here if the global is not defined), its value left in the return channel, and the
            // rest of the call interpreted from the next instruction, with that value pushed.
            ? Block(typeof(void), setPc, Call(JitMethods.PendGlobal, _vmParam, global, Constant(read.Shares)),
                Deoptimize(pc + OpInfo.Of(op).Size, input, input.Length))
            : Block(typeof(void), setPc, Call(JitMethods.CheckGlobal, _vmParam, global))));
        _pcEntry = -1;
    }

    /// <summary>
    /// The guard of a fused callee read: <c>vm.FunctionEpoch == epoch || globals[slot].Obj == guessed</c> (the global
    /// still holds the function guessed at compile time).
    /// </summary>
    private Expression Guard(CalleeRead read)
    {
        var held = Call(JitMethods.GlobalObject, _vmParam, Constant(read.Global));
        Expression guard = Call(JitMethods.Same, held, Ref(read.Value, typeof(object)));
        if (FunctionEpoch is not int epoch) return guard;
        return OrElse(Equal(Field(_vmParam, JitMethods.FunctionEpochField), Constant(epoch)), guard);
    }

    /// <summary>
    /// Builtin constants that only feed the callee slot of a call on a straight line (<c>Constant sqrt; args…; Call n</c>):
    /// such a call uses the builtin itself (<see cref="EmitCall"/>), never the slot, so the constant is not loaded into it
    /// — in a loop that is a 24-byte copy per iteration. A deoptimization among the arguments puts it in the frame
    /// (<see cref="OpenCalleeRead"/>). By the offset of the Constant: the call's offset and the constant's index.
    /// </summary>
    private Dictionary<int, (int CallPc, int Constant)>? _constantCallees;

    private Dictionary<int, (int CallPc, int Constant)> ConstantCallees => _constantCallees ??= FindConstantCallees();

    private Dictionary<int, (int CallPc, int Constant)> FindConstantCallees()
    {
        var found = new Dictionary<int, (int, int)>();
        var code = _proto.Code;
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
        {
            if ((OpCode)code[pc] != OpCode.Constant || _types.In[pc] is not { } input) continue;
            int k = code[pc + 1];
            if (_proto.Constants[k].Kind != ValueKind.Builtin || FusableCall(pc, input.Length) is not { } callPc) continue;
            var callee = _types.In[callPc]![input.Length];
            if (callee.IsConstant && callee.Source == SlotInfo.ConstantBase + k) found[pc] = (callPc, k);
        }
        return found;
    }

    /// <summary>The generic path's callee after a fused read: the guessed function, or the global read again.</summary>
    private Expression PushCallee(CalleeRead read) =>
        IfThenElse(Guard(read), Call(JitMethods.PushFunction, _vmParam, Ref(read.Value, typeof(FunctionValue))),
            Call(JitMethods.PushGlobal, _vmParam, Constant(read.Global), Constant(read.Shares)));

    /// <summary>The fused read whose call is at <paramref name="callPc"/>, if any.</summary>
    private CalleeRead? CalleeReadFor(int callPc)
    {
        if (_calleeReads == null) return null;
        foreach (var r in _calleeReads.Values)
            if (r.CallPc == callPc) return r;
        return null;
    }
}
