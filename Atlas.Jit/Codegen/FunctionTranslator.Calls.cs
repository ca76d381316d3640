using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

internal sealed partial class FunctionTranslator
{
    /// <summary>
    /// <c>Call n</c>. Every call can go the VM's universal way (push callee and arguments, <see cref="Interpreter.CallValue"/>),
    /// which handles builtins, closures and interpreted or compiled functions. When the callee slot comes from a global or
    /// constant that currently holds a user function, the site also gets a direct path: if at run time the callee is still
    /// a function of that prototype, its typed body is published, and the arguments have the kinds it takes, the body is
    /// invoked directly with unboxed arguments — no value-stack traffic, no boxing. If inference gave the result an
    /// unboxed representation (the guessed callee returns one), a result of another kind deoptimizes this call.
    /// </summary>
    private void EmitCall(int pc, SlotInfo[] input, int argc)
    {
        MarkPc(pc);
        int d = input.Length;
        int c = d - argc - 1;
        var resultRepr = _types.Transfer(pc, input)[c].Repr;
        if (input[c].IsConstant && _proto.Constants[input[c].Source - SlotInfo.ConstantBase] is { Kind: ValueKind.Builtin } builtin)
        {
            // The callee is this builtin on every path: call it without a callee slot or kind dispatch — or, for a math
            // builtin given unboxed numbers, call its number function directly; len of an array slot is its count.
            if (NumericBuiltins.IsLen(builtin, argc) && input[c + 1].Repr == Repr.Array && resultRepr == Repr.Long)
            {
                Write(c, Repr.Long, Expression.Convert(Field(Read(input, c + 1), nameof(AtlasArray.Count)), typeof(long)));
                return;
            }
            if (NumericBuiltins.Find(builtin.AsBuiltin, argc) is { } function
                && Enumerable.Range(c + 1, argc).All(i => Reprs.IsNumber(input[i].Repr)))
            {
                var numbers = Enumerable.Range(c + 1, argc).Select(i => Convert(Read(input, i), input[i].Repr, Repr.Double));
                Write(c, Repr.Double, NumericBuiltins.Call(function, numbers, Ref));
                return;
            }
            if (NumericBuiltins.IsStrOfNumber(builtin.AsBuiltin, argc) && Reprs.IsNumber(input[c + 1].Repr)
                && resultRepr == Repr.Value)
            {
                Write(c, Repr.Value, Call(JitMethods.StrOfNumber, Convert(Read(input, c + 1), input[c + 1].Repr, Repr.Double)));
                return;
            }
            for (int i = 0; i < argc; i++) _code.Add(PushSlot(input, c + 1 + i));
            var callBuiltin = Call(JitMethods.CallBuiltin, _vmParam, Ref(builtin.AsBuiltin, typeof(BuiltinFunction)), Constant(argc));
            _code.Add(StoreCallResult(pc, input, c, resultRepr, callBuiltin));
            return;
        }
        var fused = CalleeReadFor(pc);
        // The generic path is written without boxed temporaries (each one would cost a zeroed stack slot in every call's
        // prologue): values are pushed by typed helpers and the result is unboxed by the helper that makes the call.
        var generic = new List<Expression>();
        // After a fused callee read the slot holds the callee only where the guard failed.
        generic.Add(fused == null ? PushSlot(input, c) : PushCallee(fused));
        for (int i = 0; i < argc; i++) generic.Add(PushSlot(input, c + 1 + i));
        var callValue = resultRepr switch
        {
            Repr.Double => JitMethods.CallValueNumber,
            Repr.Long => JitMethods.CallValueLong,
            Repr.Bool => JitMethods.CallValueBool,
            _ => JitMethods.CallValue,
        };
        generic.Add(Assign(Slot(c, resultRepr), Call(callValue, _vmParam, Constant(argc))));
        var genericBlock = Block(typeof(void), generic);

        var target = fused != null ? (fused.Value, fused.Target) : GuessCallee(input[c], argc);
        var direct = target == null ? null : DirectCall(input, c, argc, target.Value, fused, resultRepr);
        _code.Add(direct == null ? genericBlock
            : direct.Value.Guard is { } guard ? IfThenElse(guard, direct.Value.Call, genericBlock)
            : direct.Value.Call);
        if (resultRepr != Repr.Value) _code.Add(DeoptimizeIfPending(pc, input, c));
    }

    /// <summary>
    /// A call result of representation <paramref name="from"/> as <paramref name="to"/>. An unboxed slot takes a boxed
    /// result of another kind through the return channel (docs/jit.md, "Call protocol"): the slot gets a placeholder and
    /// <see cref="DeoptimizeIfPending"/> takes the value. A boxed slot takes an unboxed callee's result, or the value the
    /// callee returned through the channel.
    /// </summary>
    private Expression ResultAs(Expression result, Repr from, Repr to)
    {
        if (from == to) return result;
        if (to == Repr.Value)
        {
            var box = from switch
            {
                Repr.Double => JitMethods.BoxNumberResult,
                Repr.Long => JitMethods.BoxLongResult,
                _ => JitMethods.BoxBoolResult,
            };
            return Call(box, _vmParam, result);
        }
        if (from == Repr.Value)
        {
            var unbox = to switch
            {
                Repr.Double => JitMethods.NumberOrPending,
                Repr.Long => JitMethods.LongOrPending,
                _ => JitMethods.BoolOrPending,
            };
            return Call(unbox, _vmParam, result);
        }
        if (from == Repr.Long && to == Repr.Double) return Call(JitMethods.LongResultAsNumber, result);
        throw new InvalidOperationException($"a call result cannot go from {from} to {to}");
    }

    /// <summary>
    /// After a call into an unboxed slot: a result of another kind waits in the return channel, and the call deoptimizes.
    /// </summary>
    private Expression DeoptimizeIfPending(int pc, SlotInfo[] input, int c) =>
        IfThen(Pending(Slot(c, _types.Transfer(pc, input)[c].Repr)), Deoptimize(pc + OpInfo.Of(OpCode.Call).Size, input, c));

    /// <summary>
    /// Whether a value waits in the return channel after an instruction that wrote <paramref name="result"/>. A double
    /// result's placeholder is NaN (<see cref="JitRuntime.NumberOrPending"/>) and a long result's is
    /// <see cref="JitRuntime.LongPlaceholder"/>, so the flag is read only for those.
    /// </summary>
    private Expression Pending(ParameterExpression result)
    {
        var flag = Field(_vmParam, JitMethods.HasPendingReturnField);
        if (result.Type == typeof(double)) return AndAlso(NotEqual(result, result), flag);
        if (result.Type == typeof(long)) return AndAlso(Equal(result, Constant(JitRuntime.LongPlaceholder)), flag);
        return flag;
    }

    /// <summary>
    /// The direct path of a call site: its guard (null: none needed, the callee read deoptimizes instead) and the call.
    /// </summary>
    private (Expression? Guard, Expression Call)? DirectCall(SlotInfo[] input, int c, int argc,
        (FunctionValue Value, JitFunction Function) guess, CalleeRead? fused, Repr resultRepr)
    {
        var target = guess.Function;
        var guards = new List<Expression>();
        var args = new List<Expression>();
        for (int i = 0; i < argc; i++)
        {
            var have = input[c + 1 + i].Repr;
            var want = target.ParamReprs[i];
            var slot = Read(input, c + 1 + i);
            if (want == Repr.Value) args.Add(Box(slot, have));
            else if (have == want) args.Add(slot);
            else if (have == Repr.Value)
            {
                guards.Add(Call(KindTest(want)!, slot));
                args.Add(Unbox(slot, want));
            }
            else if (have == Repr.Long && want == Repr.Double) args.Add(Convert(slot, have, want));
            else if (have == Repr.Double && want == Repr.Long)
            {
                // A whole-number parameter: a number with a fraction takes the generic path, whose entry runs it interpreted.
                guards.Add(Call(JitMethods.FitsLong, slot));
                args.Add(Expression.Convert(slot, typeof(long)));
            }
            else return null; // a bool where a number is needed (or vice versa): only the generic path can raise the error
        }
        // The callee guard (docs/jit.md, "Call protocol"): the slot still holds the function guessed at compile time. A
        // function without captures is one object for its whole life, so one reference comparison decides; a closure is
        // recreated by each run of its declaration, so its prototype is compared.
        Expression fn;
        var prelude = new List<Expression>();
        Expression? calleeGuard = null;
        if (fused != null)
        {
            // A stable global's read deoptimized if its guard failed; the arguments since cannot change the global.
            if (!fused.Stable) calleeGuard = Guard(fused);
            fn = Ref(guess.Value, typeof(FunctionValue));
        }
        else if (input[c].IsConstant) fn = Ref(guess.Value, typeof(FunctionValue));
        else if (guess.Value.Upvalues.Length == 0)
        {
            calleeGuard = Call(JitMethods.Same, Field(Boxed(input, c), JitMethods.ObjField), Ref(guess.Value, typeof(object)));
            fn = Ref(guess.Value, typeof(FunctionValue));
        }
        else
        {
            var closure = SharedTemp(typeof(FunctionValue), "fn");
            prelude.Add(Assign(closure, TypeAs(Field(Boxed(input, c), JitMethods.ObjField), typeof(FunctionValue))));
            calleeGuard = AndAlso(NotEqual(closure, Constant(null, typeof(FunctionValue))),
                Call(JitMethods.Same, Property(closure, JitMethods.ProtoProperty), Ref(target.Proto, typeof(object))));
            fn = closure;
        }
        // The body of a function without captures never reads its callee parameter (its deoptimization exits name a
        // function value made at compile time): a direct call passes null rather than loading the function.
        if (target.Proto.UpvalueCount == 0) fn = Constant(null, typeof(FunctionValue));
        var callArgs = new Expression[] { _vmParam, fn, Add(_depth, Constant(1)) }.Concat(args);
        Expression invoke;
        Expression? inlined = null;
        if (_directCalls && ReferenceEquals(target, _self) && Method != null)
        {
            // Self-recursion: at one of the first sites a copy of the body (FunctionTranslator.Inlining.cs), otherwise a
            // direct IL call to this very method.
            if (InlinesSelf && _inlinedPcs.Count < MaxInlinedSites) (inlined, invoke) = InlinedSelfCall(args);
            else invoke = Call(Method, callArgs.Prepend(_refs?.Parameter ?? Ref(Array.Empty<object>(), typeof(object[]))));
        }
        else if (_directCalls && target.Method is { } method && target.MethodRefs is { } refs)
        {
            invoke = Call(method, callArgs.Prepend(Ref(refs, typeof(object[]))));
            _links.Add(target);
        }
        else
        {
            // Not compiled yet (or closure mode): the patchable entry, whose Target is filled in once the callee is compiled.
            var body = SharedTemp(target.BodyDelegateType, "body");
            prelude.Add(Assign(body, Field(Ref(target.PatchableEntry, target.PatchableEntry.GetType()), target.PatchableBody)));
            var published = NotEqual(body, Constant(null, target.BodyDelegateType));
            calleeGuard = calleeGuard == null ? published : AndAlso(calleeGuard, published);
            invoke = Invoke(body, callArgs);
            // Its read has no fallback: when the callee is redefined, this function must be dropped with it (its read would
            // otherwise fail its guard at every call), as a caller of the callee's method is.
            if (fused is { Stable: true }) _links.Add(target);
        }
        var guard = calleeGuard;
        foreach (var g in guards) guard = guard == null ? g : AndAlso(guard, g);
        if (prelude.Count > 0) _code.Add(Block(typeof(void), prelude));
        var headroom = Interpreter.HeadroomMask(target.Proto.LocalCount + target.Proto.MaxStack);
        var steps = new List<Expression>
        {
            DepthOnlySmallFrameCalls && headroom == Interpreter.SmallFrameMask
                ? Call(_vmParam, JitMethods.CheckSmallFrameCall, _depth)
                : Call(_vmParam, JitMethods.CheckCompiledCall, _depth, Constant(headroom)),
        };
        if (inlined != null) steps.Add(inlined);
        steps.Add(Assign(Slot(c, resultRepr), ResultAs(invoke, target.ReturnRepr, resultRepr)));
        steps.Add(Call(_vmParam, JitMethods.RunningAt, _depth));
        var call = Block(typeof(void), steps);
        return (guard, call);
    }

    /// <summary>Stores a builtin's boxed result into the result slot; an unboxed slot deoptimizes on a result of another kind.</summary>
    private Expression StoreCallResult(int pc, SlotInfo[] input, int c, Repr slotRepr, Expression boxedResult)
    {
        var store = Assign(Slot(c, slotRepr), ResultAs(boxedResult, Repr.Value, slotRepr));
        return slotRepr == Repr.Value ? store : Block(typeof(void), store, DeoptimizeIfPending(pc, input, c));
    }

    /// <summary>Pushes stack slot <paramref name="depth"/> on the VM's value stack (boxing an unboxed one in the helper).</summary>
    private Expression PushSlot(SlotInfo[] input, int depth) => input[depth].Repr switch
    {
        Repr.Double => Call(JitMethods.PushNumber, _vmParam, Read(input, depth)),
        Repr.Long => Call(JitMethods.PushNumber, _vmParam, Expression.Convert(Read(input, depth), typeof(double))),
        Repr.Bool => Call(JitMethods.PushBool, _vmParam, Read(input, depth)),
        _ => Call(JitMethods.Push, _vmParam, Read(input, depth)),
    };

    /// <summary>The function value a callee slot probably holds and its record, if it has a typed body to call directly.</summary>
    private (FunctionValue Value, JitFunction Function)? GuessCallee(SlotInfo callee, int argc)
    {
        var proto = JitEngine.GuessCallee(_globalValue, _proto, callee, argc);
        if (proto == null) return null;
        var value = callee.IsConstant ? _proto.Constants[callee.Source - SlotInfo.ConstantBase] : _globalValue(callee.Source)!.Value;
        var target = ReferenceEquals(proto, _proto) ? _self : _functionFor(proto);
        return target is { HasTypedBody: true } ? (value.AsFunction, target) : null;
    }

    /// <summary>The array method <paramref name="name"/>'s implementation, resolved now (null: there is none; the call fails).</summary>
    private Expression MethodRef(string name) =>
        Interpreter.ResolveMethod(name) is { } impl ? Ref(impl, typeof(BuiltinImpl)) : Constant(null, typeof(BuiltinImpl));

    /// <summary><c>CallMethod</c>: receiver and arguments go on the value stack for the VM's method dispatch.</summary>
    private void EmitCallMethod(int pc, SlotInfo[] input, string name, int argc)
    {
        MarkPc(pc);
        int d = input.Length;
        int r = d - argc - 1;
        var generic = new List<Expression>();
        for (int i = r; i < d; i++) generic.Add(Call(JitMethods.Push, _vmParam, Boxed(input, i)));
        generic.Add(Call(JitMethods.CallMethod, _vmParam, Constant(name), MethodRef(name), Constant(argc)));
        Expression call = Block(typeof(Value), generic);
        if (name == "push" && argc == 1 && input[r].Repr is Repr.Array or Repr.Value && Reprs.IsNumber(input[r + 1].Repr))
        {
            // A number pushed onto an array that is not shared: appended in place (AtlasArray.Add, push's one home), and
            // the method's result, stored back, is the same array. Anything else takes the method.
            var receiver = Read(input, r);
            var number = Convert(Read(input, r + 1), input[r + 1].Repr, Repr.Double);
            Expression pushed = input[r].Repr == Repr.Array
                ? Call(receiver, JitMethods.TryPushNumber, number)
                : AndAlso(Call(JitMethods.IsArray, receiver), Call(Call(JitMethods.AsArray, receiver), JitMethods.TryPushNumber, number));
            var result = input[r].Repr == Repr.Array ? Call(JitMethods.BoxArray, receiver) : receiver;
            call = Condition(pushed, result, call);
        }
        Write(r, Repr.Value, call);
    }
}
