using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>The ways into compiled code besides the typed body: the VM's entry point and loop (on-stack-replacement) entries.</summary>
internal sealed partial class FunctionTranslator
{
    /// <summary>
    /// An on-stack-replacement entry for the loop whose header is <paramref name="header"/>: called by the interpreter
    /// with its frame's base, it reads every local from the frame, checks that unboxed ones hold their kind, and
    /// continues the call from the header to its end. If a local does not fit it returns <see cref="CompiledFrames.LoopEntryDeclined"/>
    /// before doing anything. Null in an unboxed local fits only where the local is not yet assigned on some path (its
    /// value is then dead: stored again before any read); where it is always assigned, the null is a real value — a
    /// speculated call returned it to the interpreter — and reading it as 0 would change the program.
    /// Null when the operand stack is not empty at the header.
    /// </summary>
    public LambdaExpression? BuildLoopEntry(int header)
    {
        if (_typedParameters) throw new InvalidOperationException("this translator builds a body");
        if (header < 0 || header >= _types.In.Length || _types.In[header] is not { Length: 0 } || !_types.IsJumpTarget[header]) return null;
        var frameBase = _frameBase = Parameter(typeof(int), "frameBase");
        _entryHeader = header;
        var bail = Label("bail");
        var variables = new List<ParameterExpression> { _pc, _result, _depth };
        variables.AddRange(_locals);
        var entry = new List<Expression> { Assign(_depth, Field(_vmParam, JitMethods.DepthField)) };
        var assigned = DefiniteAssignment.AssignedAt(_proto, _types.Stack, header);
        for (int i = 0; i < _locals.Length; i++)
        {
            var read = Call(JitMethods.Arg, _vmParam, Add(frameBase, Constant(i)));
            var repr = _types.Locals[i];
            if (repr == Repr.Value)
            {
                entry.Add(Assign(_locals[i], read));
                continue;
            }
            var raw = SharedTemp(typeof(Value), "raw");
            entry.Add(Assign(raw, read));
            var fits = Call(KindTest(repr)!, raw);
            Expression otherwise = assigned[i] ? Goto(bail) : IfThen(Not(Call(JitMethods.IsNull, raw)), Goto(bail));
            entry.Add(IfThenElse(fits, Assign(_locals[i], Unbox(raw, repr)), otherwise));
        }
        if (_proto.UpvalueCount > 0)
        {
            variables.Add(_upvalues);
            // The frame's captures are already this call's (private if the body assigns them).
            entry.Add(Assign(_upvalues, Call(JitMethods.Upvalues, _calleeParam, Constant(false))));
        }
        if (_countCalls) entry.Add(CountCall());
        entry.AddRange(LoadGlobalArrays());
        variables.AddRange(GlobalArrays.Values);
        entry.Add(Goto(LabelAt(header)));
        entry.Add(Label(bail));
        entry.Add(Assign(_result, Field(null, JitMethods.LoopEntryDeclined)));
        entry.Add(Goto(_return));

        EmitInstructions();
        EmitDeoptimizationExits();
        _code.Add(Label(_return));
        variables.AddRange(_slots.Values);
        variables.AddRange(_temps);
        var body = TryFault(Block(typeof(void), entry.Concat(_code)), Unwound(_pc));
        var block = Block(typeof(Value), variables, Assign(_pc, Constant(header)), body, _result);
        return MakeLambda(typeof(CompiledCode), block, $"{Sanitize(_proto.Name)}_loop{header}", [_vmParam, _calleeParam, frameBase]);
    }

    /// <summary>
    /// The <see cref="CompiledCode"/> entry the VM calls: reads the arguments from the value stack, checks that each
    /// unboxed parameter got the kind it needs, and calls <paramref name="body"/>; otherwise runs this call interpreted.
    /// </summary>
    public Expression<CompiledCode> BuildEntry(Delegate body)
    {
        var vm = Parameter(typeof(Interpreter), "vm");
        var callee = Parameter(typeof(FunctionValue), "callee");
        var argBase = Parameter(typeof(int), "argBase");
        if (!_self.HasTypedBody)
            return Lambda<CompiledCode>(Invoke(Constant(body), vm, callee, argBase), $"{Sanitize(_proto.Name)}_entry",
                [vm, callee, argBase]);
        var args = new List<ParameterExpression>();
        var statements = new List<Expression>();
        Expression? guard = null;
        var passed = new List<Expression> { vm, callee, Field(vm, JitMethods.DepthField) };
        for (int i = 0; i < _proto.Arity; i++)
        {
            var a = Variable(typeof(Value), "a" + i);
            args.Add(a);
            statements.Add(Assign(a, Call(JitMethods.Arg, vm, Add(argBase, Constant(i)))));
            var repr = _self.ParamReprs[i];
            Expression? check = KindTest(repr) is { } test ? Call(test, a) : null;
            if (check != null) guard = guard == null ? check : AndAlso(guard, check);
            passed.Add(Unbox(a, repr));
        }
        Expression call = Invoke(Constant(body, _self.BodyDelegateType), passed);
        if (_self.ReturnRepr != Repr.Value)
        {
            // An unboxed result is boxed here, unless the call deoptimized and ended with a value of another kind.
            var raw = Variable(call.Type, "raw");
            args.Add(raw);
            call = Block(typeof(Value),
                Assign(raw, call),
                Condition(Field(vm, JitMethods.HasPendingReturnField), Call(vm, JitMethods.TakePendingReturn), Box(raw, _self.ReturnRepr)));
        }
        if (guard != null)
            call = Condition(guard, call, Call(JitMethods.Fallback, vm, callee, argBase, Constant(_self)));
        statements.Add(call);
        return Lambda<CompiledCode>(Block(typeof(Value), args, statements), $"{Sanitize(_proto.Name)}_entry", [vm, callee, argBase]);
    }
}
