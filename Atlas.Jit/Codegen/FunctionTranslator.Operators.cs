using System.Linq.Expressions;
using System.Reflection;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

internal sealed partial class FunctionTranslator
{
    /// <summary>
    /// <c>+</c>: two doubles use the checked number addition; a double and a boxed value produce a double (a number plus
    /// anything else is an error); two boxed values may also concatenate strings.
    /// </summary>
    private void EmitAdd(int pc, SlotInfo[] input)
    {
        if (BothLong(input))
        {
            EmitLongArithmetic(pc, input, Bytecode.OpCode.Add);
            return;
        }
        input = WidenOperands(input, 2);
        int d = input.Length;
        var a = input[d - 2].Repr;
        var b = input[d - 1].Repr;
        if (DeferredArithmetic(input, Expression.Add)) return;
        MarkPc(pc);
        if (a == Repr.Double && b == Repr.Double)
            Write(d - 2, Repr.Double, Call(JitMethods.AddNumbers, Read(input, d - 2), Read(input, d - 1)));
        else if (a == Repr.Double)
            Write(d - 2, Repr.Double, Call(JitMethods.AddDV, Read(input, d - 2), Boxed(input, d - 1)));
        else if (b == Repr.Double)
            Write(d - 2, Repr.Double, Call(JitMethods.AddVD, Boxed(input, d - 2), Read(input, d - 1)));
        else
            Write(d - 2, Repr.Value, Call(JitMethods.AddVV, Boxed(input, d - 2), Boxed(input, d - 1)));
    }

    /// <summary><c>- * / %</c>: always a double result (or an error).</summary>
    private void EmitArithmetic(int pc, SlotInfo[] input, MethodInfo numbers, MethodInfo boxed, Bytecode.OpCode op)
    {
        if (BothLong(input) && op != Bytecode.OpCode.Div)
        {
            EmitLongArithmetic(pc, input, op);
            return;
        }
        input = WidenOperands(input, 2);
        int d = input.Length;
        if (op == Bytecode.OpCode.Sub && DeferredArithmetic(input, Expression.Subtract)) return;
        if (op == Bytecode.OpCode.Mul && DeferredArithmetic(input, Expression.Multiply)) return;
        MarkPc(pc);
        if (input[d - 2].Repr == Repr.Double && input[d - 1].Repr == Repr.Double)
            Write(d - 2, Repr.Double, Call(numbers, Read(input, d - 2), Read(input, d - 1)));
        else
            Write(d - 2, Repr.Double, Call(boxed, Boxed(input, d - 2), Boxed(input, d - 1)));
    }

    /// <summary>
    /// <c>+ - *</c> of two doubles inside a pure run: the IEEE operation without the finiteness test, which the run does
    /// once at its end (FunctionTranslator.Finiteness.cs). False when the instruction is not in a run.
    /// </summary>
    private bool DeferredArithmetic(SlotInfo[] input, Func<Expression, Expression, BinaryExpression> operation)
    {
        int d = input.Length;
        if (!_inRun || input[d - 2].Repr != Repr.Double || input[d - 1].Repr != Repr.Double) return false;
        Write(d - 2, Repr.Double, operation(Read(input, d - 2), Read(input, d - 1)));
        _deferring = true;
        return true;
    }

    /// <summary><c>==</c> (language.md §9.3): never throws; same-kind unboxed operands compare directly.</summary>
    private Expression EqualityTest(SlotInfo[] input)
    {
        if (BothLong(input)) return Equal(Read(input, input.Length - 2), Read(input, input.Length - 1));
        input = WidenOperands(input, 2);
        int d = input.Length;
        var a = input[d - 2].Repr;
        var b = input[d - 1].Repr;
        if (a == b && a is Repr.Double or Repr.Bool) return Equal(Read(input, d - 2), Read(input, d - 1));
        // Equality is symmetric and reading a slot has no effects, so a number on either side takes the number test.
        if (a == Repr.Value && b == Repr.Double) return Call(JitMethods.EqualVD, Read(input, d - 2), Read(input, d - 1));
        if (a == Repr.Double && b == Repr.Value) return Call(JitMethods.EqualVD, Read(input, d - 1), Read(input, d - 2));
        return Call(JitMethods.EqualVV, Boxed(input, d - 2), Boxed(input, d - 1));
    }

    /// <summary><c>&lt; &lt;= &gt; &gt;=</c> on numbers; anything else goes through ValueOps for its TypeError.</summary>
    private void EmitComparison(int pc, SlotInfo[] input, Func<Expression, Expression, BinaryExpression> compare, MethodInfo boxed)
    {
        if (!BothLong(input)) input = WidenOperands(input, 2);
        int d = input.Length;
        if (input[d - 2].Repr == input[d - 1].Repr && Reprs.IsNumber(input[d - 1].Repr))
            Write(d - 2, Repr.Bool, compare(Read(input, d - 2), Read(input, d - 1)));
        else
        {
            MarkPc(pc);
            Write(d - 2, Repr.Bool, Call(boxed, Boxed(input, d - 2), Boxed(input, d - 1)));
        }
    }
}
