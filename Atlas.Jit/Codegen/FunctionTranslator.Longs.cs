using System.Linq.Expressions;
using Atlas.Bytecode;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Arithmetic on <see cref="Repr.Long"/> operands: whole numbers of magnitude at most 2^53, on which <c>+ - * %</c>
/// give exactly the double results as long as the result is whole, in that range and not -0. Those results need no
/// NaN/∞ check (they are finite) and no conversion when they index an array. A result outside the range (or -0) is
/// computed as a double, the interpreter's way, and the call deoptimizes right after the instruction with it — so a
/// counter that outgrows 2^53 behaves exactly as in the interpreter.
/// </summary>
internal sealed partial class FunctionTranslator
{
    /// <summary><c>+ - * %</c> on two longs (<paramref name="op"/> is the instruction).</summary>
    private void EmitLongArithmetic(int pc, SlotInfo[] input, OpCode op)
    {
        int d = input.Length;
        var x = Read(input, d - 2);
        var y = Read(input, d - 1);
        var result = SharedTemp(typeof(long), "lr");
        Expression Deoptimized(Expression value) => Block(typeof(void),
            Call(JitMethods.PendNumber, _vmParam, value),
            Deoptimize(pc + OpInfo.Of(op).Size, input, d - 2));
        switch (op)
        {
            case OpCode.Add when Ranges.AddStaysLong(pc):
                // A tested loop counter plus a small constant (RangeFacts): no range check.
                _code.Add(Assign(result, Add(x, y)));
                break;
            case OpCode.Sub when Ranges.SubStaysLong(pc):
                // A local tested against a lower bound minus a small constant (RangeFacts): no range check.
                _code.Add(Assign(result, Subtract(x, y)));
                break;
            case OpCode.Add or OpCode.Sub:
            {
                _code.Add(Assign(result, op == OpCode.Add ? Add(x, y) : Subtract(x, y)));
                // Within [-2^53, 2^53) in two shifts and a compare (Reprs.LeavesLongRange).
                var outside = Call(JitMethods.LeavesLongRange, result);
                var asDoubles = op == OpCode.Add ? Add(D(x), D(y)) : Subtract(D(x), D(y));
                _code.Add(IfThen(outside, Deoptimized(asDoubles)));
                break;
            }
            case OpCode.Mul:
            {
                // Factors below 2^26 in magnitude (loop counters, indices) multiply exactly as longs, in one unsigned compare
                // of both; other factors go through the double product, which is exact while it stays below 2^53. Either
                // way 0 times a negative number is -0. A constant factor k bounds the other one by 2^53 / |k| instead (an
                // LCG's seed * 16807 stays a long product); a positive constant, or a local times itself, cannot make -0.
                long? right = ConstantLong(input, d - 1);
                long? k = right ?? ConstantLong(input, d - 2);
                var other = right != null ? x : y;
                Expression small = k is long factor && factor != 0
                    ? Not(Call(JitMethods.OutsideLong, other, Constant(Reprs.MaxLong / Math.Abs(factor))))
                    : Call(JitMethods.BothWithin, x, y, Constant(SmallFactor));
                // Larger factors: the exact 128-bit product (Reprs.ProductOrNone); one that leaves the long range continues
                // as the interpreter's double product (which is then at least 2^53 in magnitude).
                var exact = Block(typeof(void),
                    Assign(result, Call(JitMethods.ProductOrNone, x, y)),
                    IfThen(Equal(result, Constant(long.MinValue)), Deoptimized(Multiply(D(x), D(y)))));
                _code.Add(IfThenElse(small, Assign(result, Multiply(x, y)), exact));
                if (!(k > 0 || SquaresALocal(pc)))
                {
                    var negativeZero = AndAlso(Equal(result, Constant(0L)), LessThan(Or(x, y), Constant(0L)));
                    _code.Add(IfThen(negativeZero, Deoptimized(Constant(-0.0))));
                }
                break;
            }
            case OpCode.Mod:
            {
                // A constant divisor other than 0 (`i % 7`) cannot fail: no check, and no pc to record for one.
                if (ConstantLong(input, d - 1) is null or 0)
                {
                    MarkPc(pc);
                    _code.Add(IfThen(Equal(y, Constant(0L)), Call(JitMethods.ThrowDivideByZero)));
                }
                _code.Add(Assign(result, Modulo(x, y)));
                // The remainder keeps the dividend's sign: a zero remainder of a negative dividend is -0. A square
                // (`(i * i) % 7`) is never negative.
                if (!SquaredDividend(pc))
                    _code.Add(IfThen(AndAlso(Equal(result, Constant(0L)), LessThan(x, Constant(0L))), Deoptimized(Constant(-0.0))));
                break;
            }
            default: throw new InvalidOperationException($"{op} has no long form");
        }
        Write(d - 2, Repr.Long, result);
    }

    /// <summary>The bounds of tested long locals (computed on first use: only long additions ask).</summary>
    private RangeFacts Ranges => _ranges ??= RangeFacts.Analyze(_proto, _types, forLoopEntry: _frameBase != null,
        pc => GlobalElementReadAt(pc) is not null);
    private RangeFacts? _ranges;

    private static Expression D(Expression e) => Expression.Convert(e, typeof(double));

    /// <summary>The value of stack slot <paramref name="i"/> when it is a constant (a long slot's constant is whole).</summary>
    private long? ConstantLong(SlotInfo[] input, int i) =>
        input[i].IsConstant ? (long)_proto.Constants[input[i].Source - SlotInfo.ConstantBase].Num : null;

    /// <summary>
    /// Whether the Mul at <paramref name="pc"/> multiplies a local by itself (<c>GetLocal i; GetLocal i; Mul</c> on a straight
    /// line): a zero product then has a zero factor, never a negative one, so it is never -0.
    /// </summary>
    private bool SquaresALocal(int pc)
    {
        var code = _proto.Code;
        if (pc < 4 || (OpCode)code[pc - 4] is not (OpCode.GetLocal or OpCode.BorrowLocal)
            || (OpCode)code[pc - 2] is not (OpCode.GetLocal or OpCode.BorrowLocal) || code[pc - 3] != code[pc - 1])
            return false;
        return !_types.IsJumpTarget[pc - 2] && !_types.IsJumpTarget[pc] && _types.Stack.IsInstructionStart[pc - 4];
    }

    /// <summary>
    /// Whether the Mod at <paramref name="pc"/> divides a local's square by a constant (<c>…; Mul; Constant k; Mod</c>).
    /// </summary>
    private bool SquaredDividend(int pc) =>
        pc >= 3 && (OpCode)_proto.Code[pc - 2] == OpCode.Constant && (OpCode)_proto.Code[pc - 3] == OpCode.Mul
        && _types.Stack.IsInstructionStart[pc - 3] && !_types.IsJumpTarget[pc - 2] && !_types.IsJumpTarget[pc] && SquaresALocal(pc - 3);

    /// <summary>Factors of smaller magnitude than this have a product below 2^52: exact as a long and as a double.</summary>
    private const long SmallFactor = 1L << 26;

    /// <summary>Whether both operands of a binary instruction are longs.</summary>
    private static bool BothLong(SlotInfo[] input) =>
        input[^2].Repr == Repr.Long && input[^1].Repr == Repr.Long;
}
