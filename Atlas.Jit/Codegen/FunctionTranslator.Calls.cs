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
    /// invoked directly with unboxed arguments — no value-stack traffic, no boxing.
    /// </summary>
    private void EmitCall(int pc, SlotInfo[] input, int argc)
    {
        MarkPc(pc);
        int d = input.Length;
        int c = d - argc - 1;
        var generic = new List<Expression>();
        generic.Add(Call(JitMethods.Push, _vmParam, Boxed(input, c)));
        for (int i = 0; i < argc; i++) generic.Add(Call(JitMethods.Push, _vmParam, Boxed(input, c + 1 + i)));
        generic.Add(Assign(Slot(c, Repr.Value), Call(JitMethods.CallValue, _vmParam, Constant(argc))));
        var genericBlock = Block(typeof(void), generic);

        var target = GuessCallee(input[c], argc);
        var direct = target == null ? null : DirectCall(input, c, argc, target);
        _code.Add(direct == null ? genericBlock : IfThenElse(direct.Value.Guard, direct.Value.Call, genericBlock));
    }

    private (Expression Guard, Expression Call)? DirectCall(SlotInfo[] input, int c, int argc, JitFunction target)
    {
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
                guards.Add(Call(want == Repr.Double ? JitMethods.IsNumber : JitMethods.IsBool, slot));
                args.Add(Unbox(slot, want));
            }
            else return null; // a bool where a number is needed (or vice versa): only the generic path can raise the error
        }
        var fn = Temp(typeof(FunctionValue), "fn");
        var body = Temp(target.BodyDelegateType, "body");
        var prelude = Block(
            Assign(fn, TypeAs(Field(Boxed(input, c), JitMethods.ObjField), typeof(FunctionValue))),
            Assign(body, Field(Constant(target.Entry), target.EntryTarget)));
        Expression guard = AndAlso(NotEqual(fn, Constant(null, typeof(FunctionValue))),
            AndAlso(ReferenceEqual(Property(fn, JitMethods.ProtoProperty), Constant(target.Proto)),
                NotEqual(body, Constant(null, target.BodyDelegateType))));
        foreach (var g in guards) guard = AndAlso(guard, g);
        _code.Add(prelude);
        var call = Block(typeof(void),
            Call(_vmParam, JitMethods.EnterCall),
            Assign(Slot(c, Repr.Value), Invoke(body, new Expression[] { _vmParam, fn }.Concat(args))),
            Call(_vmParam, JitMethods.LeaveCall));
        return (guard, call);
    }

    /// <summary>The function a callee slot probably holds: the current value of its global, or its constant.</summary>
    private JitFunction? GuessCallee(SlotInfo callee, int argc)
    {
        Value value;
        if (callee.IsGlobal && _globalValue(callee.Source) is { } current) value = current;
        else if (callee.IsConstant) value = _proto.Constants[callee.Source - SlotInfo.ConstantBase];
        else return null;
        if (value.Kind != ValueKind.Function) return null;
        var proto = value.AsFunction.Proto;
        if (proto.Arity != argc || proto.JitRejected || !proto.Validated) return null;
        var target = ReferenceEquals(proto, _proto) ? _self : _functionFor(proto);
        return target is { HasTypedBody: true } ? target : null;
    }

    /// <summary><c>CallMethod</c>: receiver and arguments go on the value stack for the VM's method dispatch.</summary>
    private void EmitCallMethod(int pc, SlotInfo[] input, string name, int argc)
    {
        MarkPc(pc);
        int d = input.Length;
        int r = d - argc - 1;
        for (int i = r; i < d; i++) _code.Add(Call(JitMethods.Push, _vmParam, Boxed(input, i)));
        Write(r, Repr.Value, Call(JitMethods.CallMethod, _vmParam, Constant(name), Constant(argc)));
    }
}
