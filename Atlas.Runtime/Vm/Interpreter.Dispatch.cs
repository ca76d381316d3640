using System.Runtime.CompilerServices;
using Atlas.Bytecode;

namespace Atlas.Vm;

internal sealed partial class Interpreter
{
    /// <summary>
    /// Runs frames until the frame at <paramref name="entryFrame"/> returns; returns its value with the callee slot popped.
    /// On a runtime error every frame this invocation owns is added to the error's Atlas call stack and unwound.
    /// </summary>
    private Value Execute(int entryFrame)
    {
        ref var frame = ref Frames[FrameCount - 1];
        var proto = frame.Proto;
        var code = Quickener.CodeOf(proto);
        var consts = proto.Constants;
        var upvalues = frame.Upvalues;
        int bp = frame.Base;
        // Normally 0; a compiled call that deoptimized resumes at the offset it stopped at (ResumeInterpreted).
        int pc = frame.Pc;
        int opStart = pc;
        var stack = Stack;
        int sp = Sp;
        int entryDepth = Depth - 1;
        double number = 0;
        bool flag = false;
        AtlasRuntimeException failure;
        try
        {
            // The shared ends of the binary operators, placed before the loop so that the JIT inlines them before its
            // budget runs out (it inlines in code order).
            goto Dispatch;
        PopAndStoreNumber:
            stack[--sp - 1] = Value.Number(number);
            goto Dispatch;
        PopAndStoreBool:
            stack[--sp - 1] = Value.Bool(flag);
        Dispatch:
            while (true)
            {
                opStart = pc;
                switch ((OpCode)code[pc++])
                {
                    // ---- superinstructions (QuickOp; handlers in Interpreter.Fused.cs) ----
                    // First in the switch: the JIT spends its inlining budget for this (very large) method in order, and
                    // the handlers it does not inline cost a call each (measured: Value's constructor and AtlasArray's
                    // element access had become calls in the cases at the end).
                    case (OpCode)QuickOp.StoreLocal:
                    {
                        ref var stored = ref stack[--sp];
                        // A number as a fresh value: its store needs no GC write barrier.
                        if (stored.Kind == ValueKind.Number) stack[bp + code[pc]] = Value.Number(stored.Num);
                        else stack[bp + code[pc]] = stored;
                        pc += 2;
                        break;
                    }
                    case (OpCode)QuickOp.AddLLStore:
                        if (!ArithLLStore(OpCode.Add, stack, code, bp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.SubLLStore:
                        if (!ArithLLStore(OpCode.Sub, stack, code, bp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.MulLLStore:
                        if (!ArithLLStore(OpCode.Mul, stack, code, bp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.AddLL:
                        if (!ArithLL(OpCode.Add, stack, code, bp, ref sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.SubLL:
                        if (!ArithLL(OpCode.Sub, stack, code, bp, ref sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.MulLL:
                        if (!ArithLL(OpCode.Mul, stack, code, bp, ref sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.DivLL:
                        if (!ArithLL(OpCode.Div, stack, code, bp, ref sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.AddLK:
                        if (!ArithLK(OpCode.Add, stack, code, consts, bp, ref sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.SubLK:
                        if (!ArithLK(OpCode.Sub, stack, code, consts, bp, ref sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.MulLK:
                        if (!ArithLK(OpCode.Mul, stack, code, consts, bp, ref sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.DivLK:
                        if (!ArithLK(OpCode.Div, stack, code, consts, bp, ref sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.AddSL:
                        if (!ArithSL(OpCode.Add, stack, code, bp, sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.SubSL:
                        if (!ArithSL(OpCode.Sub, stack, code, bp, sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.MulSL:
                        if (!ArithSL(OpCode.Mul, stack, code, bp, sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.DivSL:
                        if (!ArithSL(OpCode.Div, stack, code, bp, sp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.AddSK:
                        if (!ArithSK(OpCode.Add, stack, code, consts, sp, ref pc, ref opStart)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.SubSK:
                        if (!ArithSK(OpCode.Sub, stack, code, consts, sp, ref pc, ref opStart)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.MulSK:
                        if (!ArithSK(OpCode.Mul, stack, code, consts, sp, ref pc, ref opStart)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.DivSK:
                        if (!ArithSK(OpCode.Div, stack, code, consts, sp, ref pc, ref opStart)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.ModSK:
                        if (!ArithSK(OpCode.Mod, stack, code, consts, sp, ref pc, ref opStart)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.AddLKStore:
                        if (!ArithLKStore(OpCode.Add, stack, code, consts, bp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.SubLKStore:
                        if (!ArithLKStore(OpCode.Sub, stack, code, consts, bp, ref pc, ref opStart)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.LessJumpLL:
                        if (!CompareJumpLL(OpCode.Less, stack, code, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.LessEqualJumpLL:
                        if (!CompareJumpLL(OpCode.LessEqual, stack, code, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.GreaterJumpLL:
                        if (!CompareJumpLL(OpCode.Greater, stack, code, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.GreaterEqualJumpLL:
                        if (!CompareJumpLL(OpCode.GreaterEqual, stack, code, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.LessJumpLK:
                        if (!CompareJumpLK(OpCode.Less, stack, code, consts, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.LessEqualJumpLK:
                        if (!CompareJumpLK(OpCode.LessEqual, stack, code, consts, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.GreaterJumpLK:
                        if (!CompareJumpLK(OpCode.Greater, stack, code, consts, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.GreaterEqualJumpLK:
                        if (!CompareJumpLK(OpCode.GreaterEqual, stack, code, consts, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.EqualJumpLK:
                        if (!CompareJumpLK(OpCode.Equal, stack, code, consts, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.NotEqualJumpLK:
                        if (!CompareJumpLK(OpCode.NotEqual, stack, code, consts, bp, ref pc)) goto case OpCode.GetLocal;
                        break;
                    case (OpCode)QuickOp.LessJumpSK:
                        if (!CompareJumpSK(OpCode.Less, stack, code, consts, ref sp, ref pc)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.LessEqualJumpSK:
                        if (!CompareJumpSK(OpCode.LessEqual, stack, code, consts, ref sp, ref pc)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.GreaterJumpSK:
                        if (!CompareJumpSK(OpCode.Greater, stack, code, consts, ref sp, ref pc)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.GreaterEqualJumpSK:
                        if (!CompareJumpSK(OpCode.GreaterEqual, stack, code, consts, ref sp, ref pc)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.EqualJumpSK:
                        if (!CompareJumpSK(OpCode.Equal, stack, code, consts, ref sp, ref pc)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.NotEqualJumpSK:
                        if (!CompareJumpSK(OpCode.NotEqual, stack, code, consts, ref sp, ref pc)) goto case OpCode.Constant;
                        break;
                    case (OpCode)QuickOp.LessJump: if (!CompareJump(OpCode.Less, stack, code, ref sp, ref pc)) goto case OpCode.Less; break;
                    case (OpCode)QuickOp.LessEqualJump:
                        if (!CompareJump(OpCode.LessEqual, stack, code, ref sp, ref pc)) goto case OpCode.LessEqual;
                        break;
                    case (OpCode)QuickOp.GreaterJump:
                        if (!CompareJump(OpCode.Greater, stack, code, ref sp, ref pc)) goto case OpCode.Greater;
                        break;
                    case (OpCode)QuickOp.GreaterEqualJump:
                        if (!CompareJump(OpCode.GreaterEqual, stack, code, ref sp, ref pc)) goto case OpCode.GreaterEqual;
                        break;
                    case (OpCode)QuickOp.EqualJump:
                        if (!CompareJump(OpCode.Equal, stack, code, ref sp, ref pc)) goto case OpCode.Equal;
                        break;
                    case (OpCode)QuickOp.NotEqualJump:
                        if (!CompareJump(OpCode.NotEqual, stack, code, ref sp, ref pc)) goto case OpCode.NotEqual;
                        break;
                    case (OpCode)QuickOp.GetIndexLL:
                        if (!GetIndexFrom(in stack[bp + code[pc]], stack, code, bp, ref sp, ref pc, ref opStart))
                            goto case OpCode.BorrowLocal;
                        break;
                    case (OpCode)QuickOp.GetIndexGL:
                        if (!GetIndexFrom(in Globals[code[pc]], stack, code, bp, ref sp, ref pc, ref opStart))
                            goto case OpCode.BorrowGlobal;
                        break;
                    case (OpCode)QuickOp.SetIndexLLK:
                        if (!SetIndexLLK(stack, code, consts, bp, ref pc, ref opStart)) goto case OpCode.BorrowLocal;
                        break;
                    case (OpCode)QuickOp.SetIndexStoreLocal:
                    {
                        ref var variable = ref stack[bp + code[pc + 1]];
                        if (!WroteNumberInPlace(stack, sp)) variable = SetIndexResult(stack, sp);
                        // Written in place: the result is the target array, which the variable mostly holds already (then
                        // the store, and its GC write barrier, is skipped).
                        else if (!ReferenceEquals(variable.Obj, stack[sp - 3].Obj)) variable = stack[sp - 3];
                        sp -= 3;
                        pc += 3;
                        break;
                    }
                    case (OpCode)QuickOp.SetIndexStoreGlobal:
                        StoreGlobal(code[pc + 1], WroteNumberInPlace(stack, sp) ? stack[sp - 3] : SetIndexResult(stack, sp));
                        sp -= 3;
                        pc += 3;
                        break;

                    // ---- the instructions as compiled ----
                    case OpCode.Constant: stack[sp++] = consts[code[pc++]]; break;
                    case OpCode.Null: stack[sp++] = Value.Null; break;
                    case OpCode.True: stack[sp++] = Value.True; break;
                    case OpCode.False: stack[sp++] = Value.False; break;
                    case OpCode.GetLocal:
                    {
                        ref var v = ref stack[bp + code[pc++]];
                        // A number is pushed as a fresh value, which needs no GC write barrier (see AtlasArray.Set).
                        if (v.Kind == ValueKind.Number) stack[sp++] = Value.Number(v.Num);
                        else stack[sp++] = v.Share();
                        break;
                    }
                    case OpCode.BorrowLocal: stack[sp++] = stack[bp + code[pc++]]; break;
                    case OpCode.SetLocal: stack[bp + code[pc++]] = stack[sp - 1]; break;
                    case OpCode.GetGlobal: stack[sp++] = GetGlobal(code[pc++]); break;
                    case OpCode.BorrowGlobal: stack[sp++] = BorrowGlobal(code[pc++]); break;
                    case OpCode.SetGlobal: StoreGlobal(code[pc++], stack[sp - 1]); break;

                    case OpCode.Jump: pc = code[pc]; break;
                    case OpCode.JumpIfFalse:
                        if (stack[--sp].IsTrue) pc++;
                        else pc = code[pc];
                        break;

                    case OpCode.Call:
                    {
                        int argc = code[pc++];
                        ref var callee = ref stack[sp - argc - 1];
                        if (callee.Kind == ValueKind.Function)
                        {
                            // The kind says what Obj is: no cast check (a helper call in this method, see Value's constructor).
                            var fn = Unsafe.As<FunctionValue>(callee.Obj!);
                            var target = fn.Proto;
                            if (argc != target.Arity) throw ArityError(target, argc);
                            if (++Depth > MaxDepth) ThrowCallDepthExceeded();
                            if (--_budget <= 0) { _budget = BudgetInterval; Limits.Check(); }
                            Sp = sp;
                            CountCall(target);
                            if (target.Compiled is { } compiled)
                            {
                                frame.Pc = opStart;
                                var r = compiled(this, fn, sp - argc);
                                Depth--;
                                frame = ref Frames[FrameCount - 1];
                                stack = Stack;
                                sp -= argc + 1;
                                stack[sp++] = r;
                                break;
                            }
                            frame.Pc = opStart;
                            frame = ref PushFrame(fn, sp - argc);
                            proto = target;
                            code = Quickener.CodeOf(proto);
                            consts = proto.Constants;
                            upvalues = frame.Upvalues;
                            bp = frame.Base;
                            stack = Stack;
                            sp = Sp;
                            pc = 0;
                            break;
                        }
                        Sp = sp;
                        frame.Pc = opStart;
                        if (callee.Kind == ValueKind.Builtin)
                        {
                            // What CallValue does for a builtin, without its switch and call (str, len, sqrt in loops).
                            var builtin = Unsafe.As<BuiltinFunction>(callee.Obj!);
                            var returned = builtin.Impl(this, new Args(stack, sp - argc, argc));
                            frame = ref Frames[FrameCount - 1];
                            stack = Stack;
                            sp -= argc + 1;
                            // A number as a fresh value: its store needs no GC write barrier.
                            if (returned.Kind == ValueKind.Number) stack[sp] = Value.Number(returned.Num);
                            else stack[sp] = returned;
                            sp++;
                            break;
                        }
                        var result = CallValue(argc);
                        frame = ref Frames[FrameCount - 1];
                        stack = Stack;
                        sp = Sp;
                        stack[sp++] = result;
                        break;
                    }

                    case OpCode.Return:
                    {
                        ref var returned = ref stack[sp - 1];
                        Depth--;
                        FrameCount--;
                        sp = bp - 1;
                        if (FrameCount == entryFrame)
                        {
                            Sp = sp;
                            return returned;
                        }
                        // The result replaces the callee slot; a number as a fresh value, stored without a GC write barrier.
                        if (returned.Kind == ValueKind.Number) stack[sp] = Value.Number(returned.Num);
                        else stack[sp] = returned;
                        sp++;
                        frame = ref Frames[FrameCount - 1];
                        proto = frame.Proto;
                        code = Quickener.CodeOf(proto);
                        consts = proto.Constants;
                        upvalues = frame.Upvalues;
                        bp = frame.Base;
                        pc = frame.Pc + CallSize;
                        break;
                    }

                    case OpCode.GetIndex:
                    {
                        ref var t = ref stack[sp - 2];
                        var i = stack[sp - 1];
                        if (t.Kind == ValueKind.Array && i.Kind == ValueKind.Number)
                            ReadElement(Unsafe.As<AtlasArray>(t.Obj!), i.Num, ref t);
                        else t = ValueOps.GetIndex(t, i);
                        sp--;
                        break;
                    }
                    case OpCode.SetIndex:
                    {
                        ref var t = ref stack[sp - 3];
                        var i = stack[sp - 2];
                        t = i.Kind == ValueKind.Number
                            ? ValueOps.SetElement(t, i.Num, stack[sp - 1])
                            : ValueOps.SetIndex(t, i, stack[sp - 1]);
                        sp -= 2;
                        break;
                    }

                    case OpCode.Pop: sp--; break;
                    case OpCode.Dup:
                        stack[sp] = stack[sp - 1].Share();
                        sp++;
                        break;

                    // The binary operators end at the shared stores before the loop: one inlined Value.Number and one
                    // Value.Bool for all of them instead of one each (inlining budget, see ExecuteRare).
                    case OpCode.Add:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        if (a.Kind == ValueKind.Number && b.Kind == ValueKind.Number)
                        {
                            number = ValueOps.AddNumbers(a.Num, b.Num);
                            goto PopAndStoreNumber;
                        }
                        a = ValueOps.Add(a, b);
                        sp--;
                        break;
                    }
                    case OpCode.Sub:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        if (a.Kind == ValueKind.Number && b.Kind == ValueKind.Number)
                        {
                            number = ValueOps.SubNumbers(a.Num, b.Num);
                            goto PopAndStoreNumber;
                        }
                        a = ValueOps.Sub(a, b);
                        sp--;
                        break;
                    }
                    case OpCode.Mul:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        if (a.Kind == ValueKind.Number && b.Kind == ValueKind.Number)
                        {
                            number = ValueOps.MulNumbers(a.Num, b.Num);
                            goto PopAndStoreNumber;
                        }
                        a = ValueOps.Mul(a, b);
                        sp--;
                        break;
                    }
                    case OpCode.Div:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        if (a.Kind == ValueKind.Number && b.Kind == ValueKind.Number)
                        {
                            number = ValueOps.DivNumbers(a.Num, b.Num);
                            goto PopAndStoreNumber;
                        }
                        a = ValueOps.Div(a, b);
                        sp--;
                        break;
                    }
                    case OpCode.Mod:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        if (a.Kind == ValueKind.Number && b.Kind == ValueKind.Number)
                        {
                            number = ValueOps.ModNumbers(a.Num, b.Num);
                            goto PopAndStoreNumber;
                        }
                        a = ValueOps.Mod(a, b);
                        sp--;
                        break;
                    }
                    case OpCode.Negate: stack[sp - 1] = ValueOps.Negate(stack[sp - 1]); break;
                    case OpCode.Equal:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        flag = a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? a.Num == b.Num : ValueEquality.AreEqual(a, b);
                        goto PopAndStoreBool;
                    }
                    case OpCode.NotEqual:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        flag = a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? a.Num != b.Num : !ValueEquality.AreEqual(a, b);
                        goto PopAndStoreBool;
                    }
                    case OpCode.Less:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        flag = a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? a.Num < b.Num : ValueOps.Less(a, b);
                        goto PopAndStoreBool;
                    }
                    case OpCode.LessEqual:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        flag = a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? a.Num <= b.Num : ValueOps.LessEqual(a, b);
                        goto PopAndStoreBool;
                    }
                    case OpCode.Greater:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        flag = a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? a.Num > b.Num : ValueOps.Greater(a, b);
                        goto PopAndStoreBool;
                    }
                    case OpCode.GreaterEqual:
                    {
                        ref var a = ref stack[sp - 2];
                        ref var b = ref stack[sp - 1];
                        flag = a.Kind == ValueKind.Number && b.Kind == ValueKind.Number ? a.Num >= b.Num : ValueOps.GreaterEqual(a, b);
                        goto PopAndStoreBool;
                    }

                    // ---- rarer instructions: after the hot ones, for the reason given at the top ----
                    case OpCode.GetUpvalue: stack[sp++] = upvalues[code[pc++]].Share(); break;
                    case OpCode.BorrowUpvalue: stack[sp++] = upvalues[code[pc++]]; break;
                    case OpCode.SetUpvalue: upvalues[code[pc++]] = stack[sp - 1]; break;

                    case OpCode.Not: stack[sp - 1] = ValueOps.Not(stack[sp - 1]); break;
                    case OpCode.CheckBool: pc++; ValueOps.RequireBool(stack[sp - 1], code[pc - 1]); break;
                    case OpCode.CheckNumber: pc++; RequireNumber(stack[sp - 1], code[pc - 1]); break;

                    case OpCode.Loop:
                    {
                        int header = code[pc];
                        pc = header;
                        if (--_budget <= 0) { _budget = BudgetInterval; Limits.Check(); }
                        if (++proto.HotCount < _hotThreshold || frame.NoOsr || proto.Tier == TierState.Rejected || _tiering == null)
                            break;
                        // The loop is hot: continue this call in compiled code from the loop header (on-stack replacement).
                        Sp = sp;
                        frame.Pc = opStart;
                        bool completed = RunLoopEntry(proto, opStart, header, upvalues, bp, sp, out var completion);
                        frame = ref Frames[FrameCount - 1];
                        stack = Stack;
                        if (completed)
                        {
                            stack[sp++] = completion;
                            goto case OpCode.Return;
                        }
                        if (_resumePc >= 0)
                        {
                            // The entry ran part of the call and handed it back (deoptimized) at this offset.
                            pc = _resumePc;
                            sp = bp + proto.LocalCount + _resumeDepth;
                            _resumePc = -1;
                        }
                        break;
                    }

                    // A back-edge with nothing to do but count (Loop does the rest), then the header's fused comparison
                    // (LessJumpLL …). Written out four times: calling CompareJumpLL here made the published loop and sieve
                    // 35–40 % slower (most likely that helper, which takes pc by reference, is not inlined this late in
                    // the switch, and pc then lives in memory for the whole dispatch loop), and two helpers without
                    // references (the count, then the next offset) still 10–25 % slower.
                    case (OpCode)QuickOp.LoopLessJumpLL:
                    {
                        if (_budget <= 1 || proto.HotCount >= _hotThreshold - 1) goto case OpCode.Loop;
                        _budget--;
                        proto.HotCount++;
                        int header = code[pc];
                        ref var a = ref stack[bp + code[header + 1]];
                        ref var b = ref stack[bp + code[header + 3]];
                        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number)
                        {
                            opStart = header;
                            pc = header + 1;
                            goto case OpCode.GetLocal;
                        }
                        pc = a.Num < b.Num ? header + 7 : code[header + 6];
                        break;
                    }
                    case (OpCode)QuickOp.LoopLessEqualJumpLL:
                    {
                        if (_budget <= 1 || proto.HotCount >= _hotThreshold - 1) goto case OpCode.Loop;
                        _budget--;
                        proto.HotCount++;
                        int header = code[pc];
                        ref var a = ref stack[bp + code[header + 1]];
                        ref var b = ref stack[bp + code[header + 3]];
                        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number)
                        {
                            opStart = header;
                            pc = header + 1;
                            goto case OpCode.GetLocal;
                        }
                        pc = a.Num <= b.Num ? header + 7 : code[header + 6];
                        break;
                    }
                    case (OpCode)QuickOp.LoopGreaterJumpLL:
                    {
                        if (_budget <= 1 || proto.HotCount >= _hotThreshold - 1) goto case OpCode.Loop;
                        _budget--;
                        proto.HotCount++;
                        int header = code[pc];
                        ref var a = ref stack[bp + code[header + 1]];
                        ref var b = ref stack[bp + code[header + 3]];
                        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number)
                        {
                            opStart = header;
                            pc = header + 1;
                            goto case OpCode.GetLocal;
                        }
                        pc = a.Num > b.Num ? header + 7 : code[header + 6];
                        break;
                    }
                    case (OpCode)QuickOp.LoopGreaterEqualJumpLL:
                    {
                        if (_budget <= 1 || proto.HotCount >= _hotThreshold - 1) goto case OpCode.Loop;
                        _budget--;
                        proto.HotCount++;
                        int header = code[pc];
                        ref var a = ref stack[bp + code[header + 1]];
                        ref var b = ref stack[bp + code[header + 3]];
                        if (a.Kind != ValueKind.Number || b.Kind != ValueKind.Number)
                        {
                            opStart = header;
                            pc = header + 1;
                            goto case OpCode.GetLocal;
                        }
                        pc = a.Num >= b.Num ? header + 7 : code[header + 6];
                        break;
                    }

                    default:
                    {
                        // CallMethod, closures, array literals, Option/Result/for-in/match instructions (Interpreter.Rare.cs).
                        Sp = sp;
                        frame.Pc = opStart;
                        var next = ExecuteRare((OpCode)code[opStart], code, pc, sp, proto);
                        frame = ref Frames[FrameCount - 1];
                        stack = Stack;
                        sp = next.Sp;
                        pc = next.Pc;
                        break;
                    }
                }
            }
        }
        catch (AtlasRuntimeException ex)
        {
            // A compiled loop entry that failed reported the offset where it stopped (RunLoopEntry).
            Frames[FrameCount - 1].Pc = _loopEntryFailurePc >= 0 ? _loopEntryFailurePc : opStart;
            _loopEntryFailurePc = -1;
            Sp = Frames[entryFrame].Base - 1;
            UnwindFrames(ex, entryFrame);
            Depth = entryDepth;
            failure = ex;
        }
        // Thrown again after the handler has finished, not rethrown inside it: a rethrow runs on top of the stack of
        // the first throw's dispatch, so an error unwinding through N nested callbacks (map calling map …) would need
        // stack for N dispatches at the deepest point, and overflowed the .NET stack there.
        throw failure;
    }

    /// <summary>The size of a Call instruction: a return resumes its caller this far past the call's offset.</summary>
    /// <remarks>A constant, not read from <see cref="OpInfo"/>: ReadyToRun code reads a static field through a helper call
    /// (checked against OpInfo by InterpreterDispatchTests).</remarks>
    internal const int CallSize = 2;

    /// <summary>CheckNumber: fails unless <paramref name="v"/> is a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RequireNumber(Value v, int kind)
    {
        if (v.Kind != ValueKind.Number) ThrowNumberRequired(kind);
    }

    // Out of line, like every error path reached from Execute: see ExecuteRare.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNumberRequired(int kind) =>
        throw AtlasRuntimeException.Type(kind switch
        {
            0 => "Compound assignment requires numbers",
            1 => "Increment requires number",
            _ => "Decrement requires number",
        });

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void RequireIterable(Value v)
    {
        if (v.Kind != ValueKind.Array)
            throw AtlasRuntimeException.Type($"for-in requires an array, found {ValueFormatter.TypeName(v)}");
    }
}
