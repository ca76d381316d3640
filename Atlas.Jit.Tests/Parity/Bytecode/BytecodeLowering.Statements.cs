using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Bytecode;

internal sealed partial class BytecodeLowering
{
    private void Block(BStmt[] statements)
    {
        foreach (var st in statements) Stmt(st);
    }

    private void Stmt(BStmt st)
    {
        var s = NewSpan();
        switch (st.Op)
        {
            case "set": Store(OpCode.SetLocal, st, s); break;
            case "setg": Store(OpCode.SetGlobal, st, s); break;
            case "setu": Store(OpCode.SetUpvalue, st, s); break;
            case "expr":
                Expr(st.Exprs[0]);
                _e.Emit(OpCode.Pop, s);
                break;
            case "print":
                _e.Emit(OpCode.Constant, s, Builtin("print"));
                Expr(st.Exprs[0]);
                _e.Emit(OpCode.Call, s, 1);
                _e.Emit(OpCode.Pop, s);
                break;
            case "return":
                Expr(st.Exprs[0]);
                _e.Emit(OpCode.Return, s);
                break;
            case "if": If(st, s); break;
            case "loop": Loop(st, s); break;
            case "forin": ForIn(st, s); break;
            // Outside a loop (possible after shrinking) these mean nothing.
            case "break":
                if (_loops.Count > 0) _e.Jump(OpCode.Jump, _loops.Peek().Break, s);
                break;
            case "continue":
                if (_loops.Count > 0) _e.Jump(_loops.Peek().ContinueIsLoop ? OpCode.Loop : OpCode.Jump, _loops.Peek().Continue, s);
                break;
            case "setidx":
                // a[i] = v with the write-back the compiler emits: the target is borrowed so an unshared array is updated in place.
                _e.Emit(OpCode.BorrowLocal, s, st.Index);
                Expr(st.Exprs[0]);
                Expr(st.Exprs[1]);
                _e.Emit(OpCode.SetIndex, s);
                _e.Emit(OpCode.SetLocal, s, st.Index);
                _e.Emit(OpCode.Pop, s);
                break;
            case "rebind":
                _e.Emit(OpCode.Constant, s, _e.Constant(_functionValues[(int)st.Num]));
                _e.Emit(OpCode.SetGlobal, s, _program.FunctionGlobal(st.Index));
                _e.Emit(OpCode.Pop, s);
                break;
            case "push":
                _e.Emit(OpCode.BorrowLocal, s, st.Index);
                Expr(st.Exprs[0]);
                _e.Emit(OpCode.CallMethod, s, _e.Constant(Value.String("push")), 1);
                _e.Emit(OpCode.SetLocal, s, st.Index);
                _e.Emit(OpCode.Pop, s);
                break;
            default: throw new InvalidOperationException($"unknown statement {st.Op}");
        }
    }

    private void Store(OpCode op, BStmt st, Atlas.Diagnostics.TextSpan s)
    {
        Expr(st.Exprs[0]);
        _e.Emit(op, s, st.Index);
        _e.Emit(OpCode.Pop, s);
    }

    private void If(BStmt st, Atlas.Diagnostics.TextSpan s)
    {
        int other = _e.NewLabel(), end = _e.NewLabel();
        Expr(st.Exprs[0]);
        _e.Jump(OpCode.JumpIfFalse, other, s);
        Block(st.Blocks[0]);
        if (st.Blocks[1].Length > 0)
        {
            _e.Jump(OpCode.Jump, end, s);
            _e.Mark(other);
            Block(st.Blocks[1]);
            _e.Mark(end);
        }
        else _e.Mark(other);
    }

    /// <summary>
    /// A loop counted by a slot the body never assigns. "for" increments at the end (continue jumps forward to the
    /// step); "while" increments first (continue is a back-edge to the test).
    /// </summary>
    private void Loop(BStmt st, Atlas.Diagnostics.TextSpan s)
    {
        int top = _e.NewLabel(), step = _e.NewLabel(), exit = _e.NewLabel();
        bool whileStyle = st.Text == "while";
        _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(0)));
        _e.Emit(OpCode.SetLocal, s, st.Index);
        _e.Emit(OpCode.Pop, s);
        _e.Mark(top);
        _e.Emit(OpCode.GetLocal, s, st.Index);
        _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(st.Num)));
        _e.Emit(OpCode.Less, s);
        _e.Jump(OpCode.JumpIfFalse, exit, s);
        if (whileStyle) Increment(st.Index, s);
        _loops.Push((exit, whileStyle ? top : step, whileStyle));
        Block(st.Blocks[0]);
        _loops.Pop();
        _e.Mark(step);
        if (!whileStyle) Increment(st.Index, s);
        _e.Jump(OpCode.Loop, top, s);
        _e.Mark(exit);
    }

    /// <summary>for x in arr — the compiler's lowering with its four hidden slots (array, length, index, element).</summary>
    private void ForIn(BStmt st, Atlas.Diagnostics.TextSpan s)
    {
        int arr = st.Index, len = arr + 1, idx = arr + 2, x = arr + 3;
        int top = _e.NewLabel(), incr = _e.NewLabel(), exit = _e.NewLabel();
        Expr(st.Exprs[0]);
        _e.Emit(OpCode.CheckIterable, s);
        _e.Emit(OpCode.SetLocal, s, arr);
        _e.Emit(OpCode.Pop, s);
        _e.Emit(OpCode.BorrowLocal, s, arr);
        _e.Emit(OpCode.GetArrayLen, s);
        _e.Emit(OpCode.SetLocal, s, len);
        _e.Emit(OpCode.Pop, s);
        _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(0)));
        _e.Emit(OpCode.SetLocal, s, idx);
        _e.Emit(OpCode.Pop, s);
        _e.Mark(top);
        _e.Emit(OpCode.GetLocal, s, idx);
        _e.Emit(OpCode.GetLocal, s, len);
        _e.Emit(OpCode.Less, s);
        _e.Jump(OpCode.JumpIfFalse, exit, s);
        _e.Emit(OpCode.BorrowLocal, s, arr);
        _e.Emit(OpCode.GetLocal, s, idx);
        _e.Emit(OpCode.GetIndex, s);
        _e.Emit(OpCode.SetLocal, s, x);
        _e.Emit(OpCode.Pop, s);
        _loops.Push((exit, incr, false));
        Block(st.Blocks[0]);
        _loops.Pop();
        _e.Mark(incr);
        Increment(idx, s);
        _e.Jump(OpCode.Loop, top, s);
        _e.Mark(exit);
    }
}
