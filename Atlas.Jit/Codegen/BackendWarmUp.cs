using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>
/// The first step of <see cref="JitWarmUp"/>: one small tree in the shapes the translator generates (typed parameter,
/// labels and gotos, a fault handler, helper calls, Value fields, an array of Values, a delegate invoked through a
/// field) compiled and prepared like a real function. It needs no parsed program, so it runs as soon as the process
/// starts, while the main thread is still parsing; FastExpressionCompiler's first use is the largest part of the
/// first compilation's cost, and the program's own warm-up compilation only starts after its parse.
/// </summary>
internal static class BackendWarmUp
{
    /// <summary>
    /// Compiles the tree (a recursive Fibonacci on doubles) and returns it ready to run, or null if no backend could compile it.
    /// </summary>
    public static Func<double, double>? Compile()
    {
        var self = new StrongBox<Func<double, double>>();
        var n = Parameter(typeof(double), "n");
        var result = Variable(typeof(double), "result");
        var boxed = Variable(typeof(Value), "boxed");
        var frame = Variable(typeof(Value[]), "frame");
        var pc = Variable(typeof(int), "pc");
        var ret = Label("return");
        var recurse = Label("recurse");
        Expression Fib(double k) => Invoke(Field(Constant(self), nameof(self.Value)), Call(JitMethods.SubNumbers, n, Constant(k)));
        var body = Block(typeof(void),
            Assign(pc, Constant(0)),
            Assign(boxed, Call(JitMethods.Number, n)),
            Assign(frame, NewArrayInit(typeof(Value), boxed, Field(null, JitMethods.NullField))),
            IfThen(Not(Call(JitMethods.IsNumber, ArrayIndex(frame, Constant(0)))), Block(Assign(result, Constant(-1.0)), Goto(ret))),
            IfThen(GreaterThanOrEqual(Field(ArrayIndex(frame, Constant(0)), JitMethods.NumField), Constant(2.0)), Goto(recurse)),
            Assign(result, n),
            Goto(ret),
            Label(recurse),
            Assign(pc, Constant(1)),
            Assign(result, Call(JitMethods.AddNumbers, Fib(1), Fib(2))),
            Label(ret));
        var lambda = Lambda<Func<double, double>>(
            Block(typeof(double), [result, boxed, frame, pc], TryFault(body, Assign(pc, Constant(-1))), result),
            "warm_up", [n]);
        var compiled = ExpressionBackend.Compile(lambda, JitBackend.Fast, new PhaseClock());
        if (!compiled.IsSuccess) return null;
        self.Value = (Func<double, double>)compiled.Value.Delegate;
        return self.Value;
    }
}
