using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

internal sealed partial class FunctionTranslator
{
    /// <summary>Emits one instruction. <paramref name="input"/> is the simulated stack before it (bottom first).</summary>
    private void EmitInstruction(int pc, OpCode op, SlotInfo[] input)
    {
        var code = _proto.Code;
        int d = input.Length;
        switch (op)
        {
            case OpCode.Constant when ConstantCallees.ContainsKey(pc): break;
            case OpCode.Constant: EmitConstant(d, code[pc + 1]); break;
            case OpCode.Null: Write(d, Repr.Value, Field(null, JitMethods.NullField)); break;
            case OpCode.True: Write(d, Repr.Bool, Constant(true)); break;
            case OpCode.False: Write(d, Repr.Bool, Constant(false)); break;

            case OpCode.GetLocal:
            {
                var local = _locals[code[pc + 1]];
                var repr = _types.Locals[code[pc + 1]];
                Write(d, repr, SharedRead(local, repr));
                break;
            }
            case OpCode.BorrowLocal: Write(d, _types.Locals[code[pc + 1]], _locals[code[pc + 1]]); break;
            case OpCode.SetLocal when _types.Locals[code[pc + 1]] == Repr.Array && input[d - 1].Repr == Repr.Value:
                EmitArrayStore(pc, input, _locals[code[pc + 1]]);
                break;
            case OpCode.SetLocal:
            {
                int s = code[pc + 1];
                _code.Add(Assign(_locals[s], Convert(Read(input, d - 1), input[d - 1].Repr, _types.Locals[s])));
                break;
            }
            case OpCode.GetGlobal or OpCode.BorrowGlobal when CalleeReads.TryGetValue(pc, out var calleeRead):
                EmitCalleeRead(pc, op, input, calleeRead);
                break;
            case OpCode.GetGlobal:
                MarkPc(pc);
                Write(d, Repr.Value, Call(JitMethods.GetGlobal, _vmParam, Constant(code[pc + 1])));
                break;
            case OpCode.BorrowGlobal when GlobalElementReads.ContainsKey(pc) || GlobalElementWrites.ContainsKey(pc):
                break; // used in place by the GetIndex or SetIndex it feeds (EmitGlobalElementRead, EmitGlobalElementWrite)
            case OpCode.BorrowGlobal:
                MarkPc(pc);
                Write(d, Repr.Value, Call(JitMethods.BorrowGlobal, _vmParam, Constant(code[pc + 1])));
                break;
            case OpCode.SetGlobal when StoresBackInPlaceWrite(pc):
                break; // the array was written in place, or stored back by EmitGlobalElementWrite
            case OpCode.SetGlobal: _code.Add(Call(JitMethods.SetGlobal, _vmParam, Constant(code[pc + 1]), Boxed(input, d - 1))); break;
            case OpCode.GetUpvalue: Write(d, Repr.Value, Call(JitMethods.Share, ArrayIndex(_upvalues, Constant(code[pc + 1])))); break;
            case OpCode.BorrowUpvalue: Write(d, Repr.Value, ArrayIndex(_upvalues, Constant(code[pc + 1]))); break;
            case OpCode.SetUpvalue: _code.Add(Assign(ArrayAccess(_upvalues, Constant(code[pc + 1])), Boxed(input, d - 1))); break;
            case OpCode.MakeClosure:
            {
                var target = _proto.Constants[code[pc + 1]].AsFunction.Proto;
                int n = code[pc + 2];
                Write(d - n, Repr.Value, Call(JitMethods.MakeClosure, Ref(target, typeof(FunctionProto)), BoxedArray(input, d - n, n)));
                break;
            }

            case OpCode.Add: EmitAdd(pc, input); break;
            case OpCode.Sub: EmitArithmetic(pc, input, JitMethods.SubNumbers, JitMethods.Sub, op); break;
            case OpCode.Mul: EmitArithmetic(pc, input, JitMethods.MulNumbers, JitMethods.Mul, op); break;
            case OpCode.Div: EmitArithmetic(pc, input, JitMethods.DivNumbers, JitMethods.Div, op); break;
            case OpCode.Mod: EmitArithmetic(pc, input, JitMethods.ModNumbers, JitMethods.Mod, op); break;
            case OpCode.Negate:
                if (input[d - 1].Repr == Repr.Double) Write(d - 1, Repr.Double, Negate(Read(input, d - 1)));
                else
                {
                    MarkPc(pc);
                    Write(d - 1, Repr.Double, Call(JitMethods.Negate, Boxed(input, d - 1)));
                }
                break;
            case OpCode.Equal: Write(d - 2, Repr.Bool, EqualityTest(input)); break;
            case OpCode.NotEqual: Write(d - 2, Repr.Bool, Not(EqualityTest(input))); break;
            case OpCode.Less: EmitComparison(pc, input, LessThan, JitMethods.Less); break;
            case OpCode.LessEqual: EmitComparison(pc, input, LessThanOrEqual, JitMethods.LessEqual); break;
            case OpCode.Greater: EmitComparison(pc, input, GreaterThan, JitMethods.Greater); break;
            case OpCode.GreaterEqual: EmitComparison(pc, input, GreaterThanOrEqual, JitMethods.GreaterEqual); break;
            case OpCode.Not:
                if (input[d - 1].Repr == Repr.Bool) Write(d - 1, Repr.Bool, Not(Read(input, d - 1)));
                else
                {
                    MarkPc(pc);
                    Write(d - 1, Repr.Bool, Call(JitMethods.Not, Boxed(input, d - 1)));
                }
                break;
            case OpCode.CheckBool:
                if (input[d - 1].Repr == Repr.Bool) break;
                MarkPc(pc);
                _code.Add(Call(JitMethods.RequireBool, Boxed(input, d - 1), Constant(code[pc + 1])));
                Write(d - 1, Repr.Bool, Call(JitMethods.AsBool, Boxed(input, d - 1)));
                break;
            case OpCode.CheckNumber:
                if (input[d - 1].Repr == Repr.Double) break;
                MarkPc(pc);
                Write(d - 1, Repr.Double, Call(JitMethods.RequireNumber, Boxed(input, d - 1), Constant(code[pc + 1])));
                break;

            case OpCode.Jump: _code.Add(Jump(pc, input, code[pc + 1])); break;
            case OpCode.JumpIfFalse: EmitJumpIfFalse(pc, input); break;
            case OpCode.Loop when YieldsToOuterEntry(pc, code[pc + 1], input):
                _code.Add(YieldToInterpreter(pc));
                _pcEntry = -1;
                break;
            case OpCode.Loop:
                // The limits check (Interpreter.TickCompiled) with its offset stored only where it has work: a timeout or
                // cancellation raised there reports this back-edge, and the loop stores nothing per iteration for it.
                _code.Add(IfThen(Property(_vmParam, JitMethods.TickPending),
                    Block(typeof(void), Assign(_pc, Constant(pc)), SpilledAround(Call(_vmParam, JitMethods.Tick), code[pc + 1], pc))));
                _pcEntry = -1;
                _code.Add(Jump(pc, input, code[pc + 1]));
                break;
            case OpCode.Call: EmitCall(pc, input, code[pc + 1]); break;
            case OpCode.CallMethod: EmitCallMethod(pc, input, _proto.Constants[code[pc + 1]].AsString, code[pc + 2]); break;
            case OpCode.Return:
                _code.Add(Assign(_result, Convert(Read(input, d - 1), input[d - 1].Repr, _returnRepr)));
                _code.Add(Goto(_return));
                break;

            case OpCode.Array:
                Write(d - code[pc + 1], Repr.Array, Call(JitMethods.NewArray, BoxedArray(input, d - code[pc + 1], code[pc + 1])));
                break;
            case OpCode.GetIndex when GlobalElementReadAt(pc) is not null:
                EmitGlobalElementRead(pc, input);
                break;
            case OpCode.GetIndex when IsArrayElementRead(pc, input):
                EmitArrayRead(pc, input);
                break;
            case OpCode.GetIndex when _types.Transfer(pc, input)[d - 2].Repr == Repr.Double:
                // A number[] element (TypeInference): another kind deoptimizes, continuing after this read.
                MarkPc(pc);
                // A long index (a loop counter) needs no conversion to find the element; an array slot no kind test.
                Write(d - 2, Repr.Double, input[d - 2].Repr == Repr.Array
                    ? Call(JitMethods.GetNumberAD, _vmParam, Read(input, d - 2), Read(input, d - 1))
                    : Call(input[d - 1].Repr == Repr.Long ? JitMethods.GetNumberAt : JitMethods.GetNumber,
                        _vmParam, Boxed(input, d - 2), Read(input, d - 1)));
                _code.Add(IfThen(Pending(Slot(d - 2, Repr.Double)), Deoptimize(pc + OpInfo.Of(OpCode.GetIndex).Size, input, d - 2)));
                break;
            case OpCode.GetIndex:
                input = WidenOperands(input, 2);
                MarkPc(pc);
                Write(d - 2, Repr.Value, input[d - 1].Repr == Repr.Double
                    ? Call(JitMethods.GetIndexVD, Boxed(input, d - 2), Read(input, d - 1))
                    : Call(JitMethods.GetIndexVV, Boxed(input, d - 2), Boxed(input, d - 1)));
                break;
            case OpCode.SetIndex when GlobalElementWriteAt(pc) is int borrowPc: EmitGlobalElementWrite(pc, borrowPc, input); break;
            case OpCode.SetIndex when input[d - 3].Repr == Repr.Array: EmitArraySetIndex(pc, input); break;
            case OpCode.SetIndex when input[d - 2].Repr == Repr.Long && Reprs.IsNumber(input[d - 1].Repr):
                MarkPc(pc);
                Write(d - 3, Repr.Value, Call(JitMethods.SetIndexVLD, Boxed(input, d - 3), Read(input, d - 2),
                    Convert(Read(input, d - 1), input[d - 1].Repr, Repr.Double)));
                break;
            case OpCode.SetIndex:
                input = WidenOperands(input, 3);
                MarkPc(pc);
                Write(d - 3, Repr.Value, input[d - 2].Repr == Repr.Double
                    ? input[d - 1].Repr == Repr.Double
                        ? Call(JitMethods.SetIndexVDD, Boxed(input, d - 3), Read(input, d - 2), Read(input, d - 1))
                        : Call(JitMethods.SetIndexVDV, Boxed(input, d - 3), Read(input, d - 2), Boxed(input, d - 1))
                    : Call(JitMethods.SetIndex, Boxed(input, d - 3), Boxed(input, d - 2), Boxed(input, d - 1)));
                break;
            case OpCode.Pop: break;
            case OpCode.Dup:
            {
                var repr = input[d - 1].Repr;
                Write(d, repr, SharedRead(Read(input, d - 1), repr));
                break;
            }

            case OpCode.IsOptionSome: Write(d - 1, Repr.Bool, Call(JitMethods.IsSome, Boxed(input, d - 1))); break;
            case OpCode.IsOptionNone: Write(d - 1, Repr.Bool, Call(JitMethods.IsNone, Boxed(input, d - 1))); break;
            case OpCode.IsResultOk: Write(d - 1, Repr.Bool, Call(JitMethods.IsOk, Boxed(input, d - 1))); break;
            case OpCode.IsResultErr: Write(d - 1, Repr.Bool, Call(JitMethods.IsErr, Boxed(input, d - 1))); break;
            case OpCode.IsArray: Write(d - 1, Repr.Bool, Call(JitMethods.IsArray, Boxed(input, d - 1))); break;
            // These four fail (TypeError) on a value of the wrong kind, which only hand-built bytecode can produce.
            case OpCode.ExtractOptionValue:
                MarkPc(pc);
                Write(d - 1, Repr.Value, Call(JitMethods.OptionPayload, Boxed(input, d - 1)));
                break;
            case OpCode.ExtractResultValue:
                MarkPc(pc);
                Write(d - 1, Repr.Value, Call(JitMethods.ResultPayload, Boxed(input, d - 1)));
                break;
            case OpCode.GetArrayLen when input[d - 1].Repr == Repr.Array:
                Write(d - 1, Repr.Double, Call(JitMethods.ArrayCount, Read(input, d - 1)));
                break;
            case OpCode.GetArrayLen:
                MarkPc(pc);
                Write(d - 1, Repr.Double, Call(JitMethods.ArrayLength, Boxed(input, d - 1)));
                break;
            case OpCode.CheckResult:
                MarkPc(pc);
                _code.Add(Call(JitMethods.RequireResult, Boxed(input, d - 1)));
                break;
            case OpCode.CheckIterable:
                MarkPc(pc);
                _code.Add(Call(JitMethods.RequireIterable, Boxed(input, d - 1)));
                break;
            case OpCode.MatchFailed:
                MarkPc(pc);
                _code.Add(Call(JitMethods.ThrowMatchFailed));
                break;
            case OpCode.UnpackPair:
            {
                MarkPc(pc);
                var pair = SharedTemp(typeof(Value), "pair");
                _code.Add(Assign(pair, Boxed(input, d - 1)));
                Write(d - 1, Repr.Value, Call(JitMethods.PairItem, pair));
                Write(d, Repr.Value, Call(JitMethods.PairCollection, pair));
                break;
            }
            case OpCode.Throw:
                MarkPc(pc);
                _code.Add(Call(JitMethods.ThrowMessage, Boxed(input, d - 1)));
                break;
            default:
                throw new UnsupportedOpcodeException(op);
        }
    }

    private void EmitConstant(int depth, int k)
    {
        var c = _proto.Constants[k];
        switch (c.Kind)
        {
            case ValueKind.Number when Reprs.FitsLong(c.Num): Write(depth, Repr.Long, Constant((long)c.Num)); break;
            case ValueKind.Number: Write(depth, Repr.Double, Constant(c.Num)); break;
            case ValueKind.Bool: Write(depth, Repr.Bool, Constant(c.AsBool)); break;
            default: Write(depth, Repr.Value, ConstantValue(k)); break;
        }
    }

    /// <summary>Constant <paramref name="k"/> as a boxed value, read from the prototype's table.</summary>
    private Expression ConstantValue(int k) => ArrayIndex(Ref(_proto.Constants, typeof(Value[])), Constant(k));

    private void EmitJumpIfFalse(int pc, SlotInfo[] input)
    {
        int d = input.Length;
        var output = SlotInfo.Prefix(input, d - 1);
        int target = _proto.Code[pc + 1];
        var cond = input[d - 1];
        switch (cond.Repr)
        {
            case Repr.Bool: _code.Add(IfThen(Not(Read(input, d - 1)), Jump(pc, output, target))); break;
            case Repr.Value: _code.Add(IfThen(Not(Call(JitMethods.IsTrue, Read(input, d - 1))), Jump(pc, output, target))); break;
            // Only the bool true continues: a number always jumps.
            default: _code.Add(Jump(pc, output, target)); break;
        }
    }

    // ---- reading and writing simulated slots ----

    private Expression Read(SlotInfo[] input, int depth) => Slot(depth, input[depth].Repr);

    private Expression Boxed(SlotInfo[] input, int depth) => Box(Read(input, depth), input[depth].Repr);

    private Expression BoxedArray(SlotInfo[] input, int from, int count)
    {
        var items = new Expression[count];
        for (int i = 0; i < count; i++) items[i] = Boxed(input, from + i);
        return NewArrayInit(typeof(Value), items);
    }

    private void Write(int depth, Repr repr, Expression value) => _code.Add(Assign(Slot(depth, repr), value));
}
