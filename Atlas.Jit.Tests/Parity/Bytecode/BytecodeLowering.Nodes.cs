using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Bytecode;

internal sealed partial class BytecodeLowering
{
    private void Expr(BExpr x)
    {
        foreach (var k in PreKids(x)) Expr(k);
        var s = NewSpan();
        switch (x.Op)
        {
            case "num": _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(x.Num))); break;
            case "str": _e.Emit(OpCode.Constant, s, _e.Constant(Value.String(x.Text))); break;
            case "true": _e.Emit(OpCode.True, s); break;
            case "false": _e.Emit(OpCode.False, s); break;
            case "null": _e.Emit(OpCode.Null, s); break;
            case "none": _e.Emit(OpCode.Constant, s, _e.Constant(OptionValue.None)); break;
            case "local": _e.Emit(OpCode.GetLocal, s, x.Index); break;
            case "borrow": _e.Emit(OpCode.BorrowLocal, s, x.Index); break;
            case "global": _e.Emit(OpCode.GetGlobal, s, x.Index); break;
            case "gborrow": _e.Emit(OpCode.BorrowGlobal, s, x.Index); break;
            case "upval": _e.Emit(OpCode.GetUpvalue, s, x.Index); break;
            case "uborrow": _e.Emit(OpCode.BorrowUpvalue, s, x.Index); break;
            case "add" or "concat": _e.Emit(OpCode.Add, s); break;
            case "sub": _e.Emit(OpCode.Sub, s); break;
            case "mul": _e.Emit(OpCode.Mul, s); break;
            case "div": _e.Emit(OpCode.Div, s); break;
            case "mod": _e.Emit(OpCode.Mod, s); break;
            case "lt": _e.Emit(OpCode.Less, s); break;
            case "le": _e.Emit(OpCode.LessEqual, s); break;
            case "gt": _e.Emit(OpCode.Greater, s); break;
            case "ge": _e.Emit(OpCode.GreaterEqual, s); break;
            case "eq": _e.Emit(OpCode.Equal, s); break;
            case "ne": _e.Emit(OpCode.NotEqual, s); break;
            case "neg": _e.Emit(OpCode.Negate, s); break;
            case "not": _e.Emit(OpCode.Not, s); break;
            case "isarr": _e.Emit(OpCode.IsArray, s); break;
            case "checknum": _e.Emit(OpCode.CheckNumber, s, x.Index); break;
            case "array": _e.Emit(OpCode.Array, s, x.Kids.Length); break;
            case "index": _e.Emit(OpCode.GetIndex, s); break;
            case "len": _e.Emit(OpCode.GetArrayLen, s); break;
            case "dupadd":
                _e.Emit(OpCode.Dup, s);
                _e.Emit(OpCode.Add, s);
                break;
            case "callg":
            case "callk":
            case "callc":
            case "builtin": _e.Emit(OpCode.Call, s, x.Op == "callc" ? _program.Funcs[x.Index].Arity : x.Kids.Length); break;
            case "method": _e.Emit(OpCode.CallMethod, s, _e.Constant(Value.String(x.Text)), x.Kids.Length - 1); break;
            case "and" or "or": Logical(x, s); break;
            case "cond": Conditional(x, s); break;
            case "rcall": RecursiveCall(x, s); break;
            case "accloop": AccumulatingLoop(x, s); break;
            case "optor": OptionOr(x, s); break;
            case "optret": OptionOrReturn(x, s); break;
            case "seq":
                Expr(x.Kids[0]);
                _e.Emit(OpCode.Pop, s);
                Expr(x.Kids[1]);
                break;
            default: throw new InvalidOperationException($"unknown expression {x.Op}");
        }
    }

    /// <summary>The children evaluated before the node's own instructions, with any callee pushed first.</summary>
    private IEnumerable<BExpr> PreKids(BExpr x)
    {
        switch (x.Op)
        {
            case "and" or "or" or "cond" or "rcall" or "accloop" or "optor" or "optret" or "seq": return [];
            case "callg":
                _e.Emit(OpCode.GetGlobal, NewSpan(), _program.FunctionGlobal(x.Index));
                return x.Kids;
            case "callk":
                _e.Emit(OpCode.Constant, NewSpan(), _e.Constant(_functionValues[x.Index]));
                return x.Kids;
            case "builtin":
                _e.Emit(OpCode.Constant, NewSpan(), Builtin(x.Text));
                return x.Kids;
            case "callc":
            {
                // Captured values, MakeClosure (the callee), then the arguments.
                int captures = _program.Funcs[x.Index].Upvalues.Length;
                foreach (var c in x.Kids.Take(captures)) Expr(c);
                _e.Emit(OpCode.MakeClosure, NewSpan(), _e.Constant(_functionValues[x.Index]), captures);
                return x.Kids.Skip(captures);
            }
            default: return x.Kids;
        }
    }

    /// <summary>
    /// <c>a &amp;&amp; b</c> / <c>a || b</c> as the compiler lowers them, with CheckBool where an operand may not be a bool.
    /// </summary>
    private void Logical(BExpr x, Atlas.Diagnostics.TextSpan s)
    {
        int which = x.Op == "and" ? 0 : 1;
        int end = _e.NewLabel();
        Expr(x.Kids[0]);
        if (x.Kids[0].Type != BType.Bool) _e.Emit(OpCode.CheckBool, s, which);
        _e.Emit(OpCode.Dup, s);
        if (which == 1) _e.Emit(OpCode.Not, s);
        _e.Jump(OpCode.JumpIfFalse, end, s);
        _e.Emit(OpCode.Pop, s);
        Expr(x.Kids[1]);
        if (x.Kids[1].Type != BType.Bool) _e.Emit(OpCode.CheckBool, s, which);
        _e.Mark(end);
    }

    /// <summary><c>c ? a : b</c> — a value crosses the merge point, in whatever representations the branches chose.</summary>
    private void Conditional(BExpr x, Atlas.Diagnostics.TextSpan s)
    {
        int other = _e.NewLabel(), end = _e.NewLabel();
        Expr(x.Kids[0]);
        _e.Jump(OpCode.JumpIfFalse, other, s);
        Expr(x.Kids[1]);
        _e.Jump(OpCode.Jump, end, s);
        _e.Mark(other);
        Expr(x.Kids[2]);
        _e.Mark(end);
    }

    /// <summary><c>p0 &gt; 0 ? self(p0 - 1, args…) : default</c>: the guarded depth makes recursion end.</summary>
    private void RecursiveCall(BExpr x, Atlas.Diagnostics.TextSpan s)
    {
        int other = _e.NewLabel(), end = _e.NewLabel();
        _e.Emit(OpCode.GetLocal, s, 0);
        _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(0)));
        _e.Emit(OpCode.Greater, s);
        _e.Jump(OpCode.JumpIfFalse, other, s);
        _e.Emit(OpCode.GetGlobal, s, _program.FunctionGlobal(_self));
        _e.Emit(OpCode.GetLocal, s, 0);
        _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(1)));
        _e.Emit(OpCode.Sub, s);
        foreach (var a in x.Kids.Skip(1)) Expr(a);
        _e.Emit(OpCode.Call, s, x.Kids.Length);
        _e.Jump(OpCode.Jump, end, s);
        _e.Mark(other);
        Expr(x.Kids[0]);
        _e.Mark(end);
    }

    /// <summary>A counted loop that keeps its accumulator on the operand stack across the back-edge (no compiler emits this).</summary>
    private void AccumulatingLoop(BExpr x, Atlas.Diagnostics.TextSpan s)
    {
        int top = _e.NewLabel(), exit = _e.NewLabel();
        Expr(x.Kids[0]);
        _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(0)));
        _e.Emit(OpCode.SetLocal, s, x.Index);
        _e.Emit(OpCode.Pop, s);
        _e.Mark(top);
        _e.Emit(OpCode.GetLocal, s, x.Index);
        _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(x.Num)));
        _e.Emit(OpCode.Less, s);
        _e.Jump(OpCode.JumpIfFalse, exit, s);
        Expr(x.Kids[1]);
        _e.Emit(OpCode.Add, s);
        Increment(x.Index, s);
        _e.Jump(OpCode.Loop, top, s);
        _e.Mark(exit);
    }

    /// <summary>The payload of an Option, or a default for None (the shape of a match on Some/None).</summary>
    private void OptionOr(BExpr x, Atlas.Diagnostics.TextSpan s) => OptionPayloadOrElse(x, s, () =>
    {
        _e.Emit(OpCode.Pop, s);
        Expr(x.Kids[1]);
    });

    /// <summary>The payload of Some, or return the None itself from the function (the shape of the compiler's <c>?</c>).</summary>
    private void OptionOrReturn(BExpr x, Atlas.Diagnostics.TextSpan s) => OptionPayloadOrElse(x, s, () => _e.Emit(OpCode.Return, s));

    /// <summary>Kid 0 is an Option: its payload when Some; otherwise <paramref name="none"/> runs with the None on the stack.</summary>
    private void OptionPayloadOrElse(BExpr x, Atlas.Diagnostics.TextSpan s, Action none)
    {
        int noneLabel = _e.NewLabel(), end = _e.NewLabel();
        Expr(x.Kids[0]);
        _e.Emit(OpCode.Dup, s);
        _e.Emit(OpCode.IsOptionSome, s);
        _e.Jump(OpCode.JumpIfFalse, noneLabel, s);
        _e.Emit(OpCode.ExtractOptionValue, s);
        _e.Jump(OpCode.Jump, end, s);
        _e.Mark(noneLabel);
        none();
        _e.Mark(end);
    }

    private void Increment(int slot, Atlas.Diagnostics.TextSpan s)
    {
        _e.Emit(OpCode.GetLocal, s, slot);
        _e.Emit(OpCode.Constant, s, _e.Constant(Value.Number(1)));
        _e.Emit(OpCode.Add, s);
        _e.Emit(OpCode.SetLocal, s, slot);
        _e.Emit(OpCode.Pop, s);
    }
}
