using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Infers, from the bytecode alone, which locals and stack slots can be unboxed. Static types are only hints (the
/// checker lets <c>?</c>-typed values into typed variables), so a local is a <c>double</c> only when every store into it
/// is one — constants, arithmetic results, array lengths, checked numbers — and a parameter only when its declared type
/// says so and every store agrees; the compiled entry point then checks the argument's kind at run time.
/// A call whose callee is guessed (a global or constant holding a function) is assumed to return what that function's
/// typed body returns, and the function's own return representation is the join of its returns — solved together,
/// so a self-recursive <c>fib</c> returns an unboxed long. Those two are speculation: compiled code checks the value
/// a call actually returned and deoptimizes (continues the call in the interpreter) if it does not fit. With
/// <c>longParameters</c>, a <c>number</c> parameter is also speculated to be a whole number (<see cref="Repr.Long"/>) as
/// long as every store into it is one; the entries check that too, and the engine drops this speculation for a function
/// whose calls keep being refused (docs/jit.md, "Call protocol").
/// </summary>
internal sealed class TypeInference
{
    public FunctionProto Proto { get; }
    public StackAnalysis Stack { get; }
    /// <summary>Representation of each local slot (parameters first).</summary>
    public Repr[] Locals { get; private set; }
    /// <summary>The operand stack before each reachable instruction (bottom first); null elsewhere.</summary>
    public SlotInfo[]?[] In { get; private set; }
    /// <summary>Offsets that some jump targets.</summary>
    public bool[] IsJumpTarget { get; }
    /// <summary>What the function returns (the join of its Return operands); <see cref="Repr.Value"/> when parameters are boxed.</summary>
    public Repr ReturnRepr { get; private set; } = Repr.None;

    private readonly Func<SlotInfo, int, FunctionProto?> _guessCallee;
    private readonly Func<FunctionProto, Repr?> _returnOf;
    private readonly Func<int, StaticType> _globalType;
    /// <summary>
    /// After solving: the representation each call site's result was given, by the call's offset (later guesses must not
    /// change it).
    /// </summary>
    private Repr[]? _callResults;
    /// <summary>Number parameters start as <see cref="Repr.Long"/> rather than <see cref="Repr.Double"/>.</summary>
    private bool _longParameters;

    private TypeInference(FunctionProto proto, StackAnalysis stack, Func<SlotInfo, int, FunctionProto?> guessCallee,
        Func<FunctionProto, Repr?> returnOf, Func<int, StaticType> globalType)
    {
        _globalType = globalType;
        _guessCallee = guessCallee;
        _returnOf = returnOf;
        Proto = proto;
        Stack = stack;
        Locals = new Repr[proto.LocalCount];
        In = new SlotInfo[proto.Code.Length][];
        IsJumpTarget = new bool[proto.Code.Length];
    }

    public Repr ParamRepr(int i) => Locals[i];

    /// <param name="boxParameters">Keep every parameter boxed (functions without a typed body read arguments off the VM stack
    /// unchecked).</param>
    /// <param name="guessCallee">The function a call site's callee slot probably holds (null: no guess).</param>
    /// <param name="returnOf">What another function's typed body returns, if known.</param>
    /// <param name="globalType">The static type declared for a global slot (a hint: element reads of number[] speculate).</param>
    /// <param name="longParameters">Speculate that number parameters are whole numbers (<see cref="Repr.Long"/>).</param>
    public static JitResult<TypeInference> Analyze(FunctionProto proto, IReadOnlySet<OpCode>? disabled, bool boxParameters = false,
        Func<SlotInfo, int, FunctionProto?>? guessCallee = null, Func<FunctionProto, Repr?>? returnOf = null,
        Func<int, StaticType>? globalType = null, bool longParameters = false)
    {
        if (!proto.Validated) return JitError.InvalidBytecode($"{proto.Name} was not validated");
        var stack = StackAnalysis.Analyze(proto.Code, proto.Constants.Length, proto.LocalCount, proto.UpvalueCount, int.MaxValue,
            proto.Arity);
        if (stack.Errors.Count > 0)
        {
            // A reserved opcode is reported as what it is, not as a generic validation failure.
            for (int pc = 0; pc < proto.Code.Length && stack.IsInstructionStart[pc];
                 pc += OpInfo.TryGet(proto.Code[pc], out var i) ? i.Size : 1)
                if ((OpCode)proto.Code[pc] is OpCode.And or OpCode.Or) return JitError.UnsupportedOpcode((OpCode)proto.Code[pc]);
            return JitError.InvalidBytecode(stack.Errors[0]);
        }
        var t = new TypeInference(proto, stack, guessCallee ?? ((_, _) => null), returnOf ?? (_ => null),
            globalType ?? (_ => StaticType.Any)) { _longParameters = longParameters };
        var code = proto.Code;
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
        {
            if (stack.DepthAt[pc] < 0) continue;
            var op = (OpCode)code[pc];
            if (op is OpCode.And or OpCode.Or || (disabled != null && disabled.Contains(op))) return JitError.UnsupportedOpcode(op);
            if (op is OpCode.Jump or OpCode.JumpIfFalse or OpCode.Loop) t.IsJumpTarget[code[pc + 1]] = true;
        }
        var unassigned = DefiniteAssignment.MaybeReadUnassigned(proto, stack);
        if (boxParameters) t.ReturnRepr = Repr.Value;
        // The return representation only rises as self-calls are assumed to return more, so this settles too.
        while (true)
        {
            t.Solve(unassigned, boxParameters);
            if (boxParameters) break;
            var returned = t.JoinReturns();
            if (returned == t.ReturnRepr) break;
            t.ReturnRepr = returned;
        }
        if (t.ReturnRepr == Repr.None)
        {
            // The function never returns normally (it loops or fails): nothing to unbox.
            t.ReturnRepr = Repr.Value;
            t.Solve(unassigned, boxParameters);
        }
        t.FreezeCallResults();
        return JitResult<TypeInference>.Ok(t);
    }

    private Repr JoinReturns()
    {
        var r = Repr.None;
        var code = Proto.Code;
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
            if (In[pc] is { } state && (OpCode)code[pc] == OpCode.Return)
                r = Reprs.Join(r, state[^1].Repr == Repr.Array ? Repr.Value : state[^1].Repr); // returned boxed (TakesArray)
        return r;
    }

    private void FreezeCallResults()
    {
        var code = Proto.Code;
        var frozen = new Repr[code.Length];
        for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
            if ((OpCode)code[pc] == OpCode.Call)
                frozen[pc] = In[pc] is { } state ? CallResult(pc, state[state.Length - code[pc + 1] - 1], code[pc + 1]) : Repr.Value;
        _callResults = frozen;
    }

    /// <summary>The representation of call site <paramref name="pc"/>'s result: what its guessed callee returns, else boxed.</summary>
    private Repr CallResult(int pc, SlotInfo callee, int argc)
    {
        if (_callResults != null) return _callResults[pc];
        if (callee.IsConstant && Proto.Constants[callee.Source - SlotInfo.ConstantBase] is var constant)
        {
            if (NumericBuiltins.IsLen(constant, argc)) return Repr.Long;
            if (NumericBuiltins.ReturnsNumber(constant, argc)) return Repr.Double;
        }
        var target = _guessCallee(callee, argc);
        if (target == null) return Repr.Value;
        if (ReferenceEquals(target, Proto)) return ReturnRepr;
        return _returnOf(target) ?? Repr.Value;
    }

    private void Solve(bool[] maybeUnassigned, bool boxParameters)
    {
        var seed = new Repr[Proto.LocalCount];
        for (int i = 0; i < seed.Length; i++)
        {
            if (i < Proto.Arity && boxParameters) seed[i] = Repr.Value;
            else if (i < Proto.Arity)
                seed[i] = Proto.LocalTypes[i] switch
                {
                    StaticType.Number => _longParameters ? Repr.Long : Repr.Double,
                    StaticType.Bool => Repr.Bool,
                    _ => Repr.Value,
                };
            else seed[i] = maybeUnassigned[i] ? Repr.Value : Repr.None;
        }
        Locals = (Repr[])seed.Clone();
        // Local representations only rise (None → Double/Bool → Value), so this settles after a few rounds.
        while (true)
        {
            FlowStack();
            var next = (Repr[])seed.Clone();
            var code = Proto.Code;
            for (int pc = 0; pc < code.Length; pc += OpInfo.Of((OpCode)code[pc]).Size)
                if (In[pc] is { } state && (OpCode)code[pc] == OpCode.SetLocal)
                    next[code[pc + 1]] = Reprs.Join(next[code[pc + 1]], Stored(code[pc + 1], state[^1].Repr));
            if (Reprs.Same(next, Locals)) break;
            Locals = next;
        }
        bool finalized = false;
        for (int i = 0; i < Locals.Length; i++)
            if (Locals[i] == Repr.None) { Locals[i] = Repr.Value; finalized = true; }
        if (finalized) FlowStack();
    }

    /// <summary>
    /// What a store of a <paramref name="repr"/> value makes local <paramref name="local"/>: itself, except that a boxed
    /// value stored into a variable the checker typed as an array (a call's result, a <c>?</c>-typed value) is speculated
    /// to be one — the translator tests its kind at the store and deoptimizes there if it is not.
    /// </summary>
    private Repr Stored(int local, Repr repr) =>
        repr == Repr.Value && Proto.LocalTypes[local] is StaticType.Array or StaticType.NumberArray ? Repr.Array : repr;

    private void FlowStack()
    {
        var code = Proto.Code;
        In = new SlotInfo[code.Length][];
        In[0] = new SlotInfo[0];
        var work = new Stack<int>();
        work.Push(0);
        while (work.Count > 0)
        {
            int pc = work.Pop();
            var output = Transfer(pc, In[pc]!);
            foreach (int next in DefiniteAssignment.Successors(code, pc))
            {
                var existing = In[next];
                if (existing == null)
                {
                    In[next] = (SlotInfo[])output.Clone();
                    work.Push(next);
                    continue;
                }
                bool changed = false;
                for (int i = 0; i < existing.Length; i++)
                {
                    var joined = existing[i].Join(output[i]);
                    if (joined != existing[i]) { existing[i] = joined; changed = true; }
                }
                if (changed) work.Push(next);
            }
        }
    }

    /// <summary>
    /// Operands of a long operation: longs, or not known yet (<see cref="Repr.None"/> while the fixpoint runs: a loop
    /// counter's own value flows back into its increment), so that <c>i = 0; … i = i + 1</c> settles on long.
    /// </summary>
    private static bool LongOperands(Repr a, Repr b) => a is Repr.Long or Repr.None && b is Repr.Long or Repr.None;

    /// <summary>The stack after the instruction at <paramref name="pc"/> (the same for every successor).</summary>
    public SlotInfo[] Transfer(int pc, SlotInfo[] input)
    {
        var code = Proto.Code;
        var op = (OpCode)code[pc];
        var s = new SlotStack(input);
        SlotInfo Pop()
        {
            var v = s[^1];
            s.RemoveAt(s.Count - 1);
            return v;
        }
        void PopN(int n) => s.RemoveRange(s.Count - n, n);
        void Push(Repr r) => s.Add(SlotInfo.Of(r));
        if (!Reprs.TakesLong(op) || !Reprs.TakesArray(op))
        {
            // This instruction works on doubles: its long operands are converted first (FunctionTranslator.WidenOperands);
            // or on values: its array operands are boxed first (FunctionTranslator.BoxArrayOperands).
            int pops = OpInfo.Of(op).StackEffect(code, pc).Pops;
            for (int i = s.Count - pops; i < s.Count; i++)
                if (s[i].Repr == Repr.Long && !Reprs.TakesLong(op)) s[i] = s[i] with { Repr = Repr.Double };
                else if (s[i].Repr == Repr.Array && !Reprs.TakesArray(op)) s[i] = s[i] with { Repr = Repr.Value };
        }

        switch (op)
        {
            case OpCode.Constant:
            {
                int k = code[pc + 1];
                var c = Proto.Constants[k];
                var repr = c.Kind switch
                {
                    ValueKind.Number => Reprs.FitsLong(c.Num) ? Repr.Long : Repr.Double,
                    ValueKind.Bool => Repr.Bool,
                    _ => Repr.Value,
                };
                s.Add(SlotInfo.FromConstant(repr, k));
                break;
            }
            case OpCode.Null: Push(Repr.Value); break;
            case OpCode.True:
            case OpCode.False: Push(Repr.Bool); break;
            case OpCode.GetLocal:
            case OpCode.BorrowLocal:
                s.Add(new SlotInfo(Locals[code[pc + 1]], SlotInfo.Unknown, Proto.LocalTypes[code[pc + 1]] == StaticType.NumberArray));
                break;
            case OpCode.GetGlobal:
            case OpCode.BorrowGlobal:
                s.Add(SlotInfo.FromGlobal(code[pc + 1]) with { NumberElements = _globalType(code[pc + 1]) == StaticType.NumberArray });
                break;
            case OpCode.GetUpvalue:
            case OpCode.BorrowUpvalue: Push(Repr.Value); break;
            case OpCode.SetLocal:
            case OpCode.SetGlobal:
            case OpCode.SetUpvalue:
            case OpCode.CheckResult:
            case OpCode.CheckIterable:
            case OpCode.Jump:
            case OpCode.Loop:
            case OpCode.MatchFailed:
                break;
            case OpCode.MakeClosure: PopN(code[pc + 2]); Push(Repr.Value); break;
            case OpCode.Add:
            {
                var b = Pop().Repr;
                var a = Pop().Repr;
                // Two longs add as longs (leaving the long range deoptimizes). A number on either side means the result is a
                // number or an error (string + number is an error).
                Push(LongOperands(a, b) && (a == Repr.Long || b == Repr.Long) ? Repr.Long
                    : Reprs.IsNumber(a) || Reprs.IsNumber(b) ? Repr.Double
                    : a == Repr.None || b == Repr.None ? Repr.None : Repr.Value);
                break;
            }
            case OpCode.Sub:
            case OpCode.Mul:
            case OpCode.Mod:
            {
                var b = Pop().Repr;
                var a = Pop().Repr;
                Push(LongOperands(a, b) ? Repr.Long : Repr.Double);
                break;
            }
            case OpCode.Div: PopN(2); Push(Repr.Double); break;
            case OpCode.Negate:
            case OpCode.CheckNumber:
            case OpCode.GetArrayLen: Pop(); Push(Repr.Double); break;
            case OpCode.Equal:
            case OpCode.NotEqual:
            case OpCode.Less:
            case OpCode.LessEqual:
            case OpCode.Greater:
            case OpCode.GreaterEqual: PopN(2); Push(Repr.Bool); break;
            case OpCode.Not:
            case OpCode.CheckBool:
            case OpCode.IsOptionSome:
            case OpCode.IsOptionNone:
            case OpCode.IsResultOk:
            case OpCode.IsResultErr:
            case OpCode.IsArray: Pop(); Push(Repr.Bool); break;
            case OpCode.JumpIfFalse:
            case OpCode.Return:
            case OpCode.Pop:
            case OpCode.Throw: Pop(); break;
            case OpCode.Call:
            {
                var result = CallResult(pc, s[s.Count - code[pc + 1] - 1], code[pc + 1]);
                PopN(code[pc + 1] + 1);
                Push(result);
                break;
            }
            case OpCode.CallMethod: PopN(code[pc + 2] + 1); Push(Repr.Value); break;
            case OpCode.Array: PopN(code[pc + 1]); Push(Repr.Array); break;
            case OpCode.GetIndex:
            {
                var index = Pop();
                // Trust the checker, with a guard: an element of a number[] variable is read as a double, and compiled
                // code deoptimizes if one turns out to be something else (a ?-typed value stored into the array).
                Push(Pop().NumberElements && Reprs.IsNumber(index.Repr) ? Repr.Double : Repr.Value);
                break;
            }
            case OpCode.SetIndex:
            {
                // A write into an array gives an array (itself or its copy); anything else fails.
                var target = s[^3].Repr;
                PopN(3);
                Push(target is Repr.Array or Repr.None ? target : Repr.Value);
                break;
            }
            case OpCode.Dup: s.Add(s[^1]); break;
            case OpCode.ExtractOptionValue:
            case OpCode.ExtractResultValue: Pop(); Push(Repr.Value); break;
            case OpCode.UnpackPair: Pop(); Push(Repr.Value); Push(Repr.Value); break;
            default: throw new InvalidOperationException($"no stack rule for {op}");
        }
        return s.ToArray();
    }
}
