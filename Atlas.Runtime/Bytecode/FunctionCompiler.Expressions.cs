using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Stdlib;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Bytecode;

internal sealed partial class FunctionCompiler
{
    /// <summary>Compiles an expression; exactly one value is pushed.</summary>
    private void CompileExpr(Expr e)
    {
        switch (e)
        {
            case NumberLiteral n: EmitConstant(Value.Number(n.Value), e.Span); break;
            case StringLiteral s: EmitConstant(Value.String(s.Value), e.Span); break;
            case BoolLiteral b: _b.Emit(b.Value ? OpCode.True : OpCode.False, e.Span); break;
            case NullLiteral: _b.Emit(OpCode.Null, e.Span); break;
            case NameExpr n: EmitLoad(n.Symbol!, e.Span); break;
            case ArrayLiteral a:
                foreach (var el in a.Elements) CompileExpr(el);
                _b.Emit(OpCode.Array, e.Span, a.Elements.Count);
                break;
            case UnaryExpr u:
                CompileExpr(u.Operand);
                _b.Emit(u.Op == UnaryOp.Negate ? OpCode.Negate : OpCode.Not, e.Span);
                break;
            case BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } b: CompileLogical(b); break;
            case BinaryExpr b:
                CompileExpr(b.Left);
                CompileExpr(b.Right);
                _b.Emit(BinaryOpCode(b.Op), e.Span);
                break;
            case CallExpr c:
                if (!TryCompileWriteBackCall(c, WriteBackMode.Value)) CompileCall(c);
                break;
            case MemberExpr m:
                if (!TryCompileWriteBackCall(m, WriteBackMode.Value)) CompileMethodCall(m);
                break;
            case IndexExpr ix:
                if (IsVariable(ix.Target, out var sym)) EmitLoad(sym, ix.Target.Span, borrow: true);
                else CompileExpr(ix.Target);
                CompileExpr(ix.Index);
                _b.Emit(OpCode.GetIndex, e.Span);
                break;
            case TryExpr t: CompileTry(t); break;
            case MatchExpr m: CompileMatch(m); break;
            default: throw new InvalidOperationException($"cannot compile {e.GetType().Name}");
        }
    }

    private static OpCode BinaryOpCode(BinaryOp op) => op switch
    {
        BinaryOp.Add => OpCode.Add,
        BinaryOp.Sub => OpCode.Sub,
        BinaryOp.Mul => OpCode.Mul,
        BinaryOp.Div => OpCode.Div,
        BinaryOp.Mod => OpCode.Mod,
        BinaryOp.Equal => OpCode.Equal,
        BinaryOp.NotEqual => OpCode.NotEqual,
        BinaryOp.Less => OpCode.Less,
        BinaryOp.LessEqual => OpCode.LessEqual,
        BinaryOp.Greater => OpCode.Greater,
        BinaryOp.GreaterEqual => OpCode.GreaterEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static bool IsStaticBool(Expr e) => ReferenceEquals(e.Type, AtlasType.Bool);
    private static bool IsStaticNumber(Expr e) => ReferenceEquals(e.Type, AtlasType.Number);

    /// <summary><c>l &amp;&amp; r</c> and <c>l || r</c> lowered to jumps (bytecode.md §5.6) with the bool checks of language.md §8.2.</summary>
    private void CompileLogical(BinaryExpr b)
    {
        int which = b.Op == BinaryOp.And ? 0 : 1;
        var end = new Label();
        CompileExpr(b.Left);
        if (!IsStaticBool(b.Left)) _b.Emit(OpCode.CheckBool, b.Span, which);
        _b.Emit(OpCode.Dup, b.Span);
        if (which == 1) _b.Emit(OpCode.Not, b.Span);
        _b.EmitJump(OpCode.JumpIfFalse, end, b.Span);
        _b.Emit(OpCode.Pop, b.Span);
        CompileExpr(b.Right);
        if (!IsStaticBool(b.Right)) _b.Emit(OpCode.CheckBool, b.Span, which);
        _b.Mark(end);
    }

    private void CompileCall(CallExpr c)
    {
        CompileExpr(c.Callee);
        var builtin = c.Callee is NameExpr { Symbol: { Kind: SymbolKind.Builtin } b } && BuiltinRegistry.TryGet(b.Name, out var d)
            ? d
            : null;
        for (int i = 0; i < c.Args.Count; i++)
        {
            if (builtin != null && builtin.Borrows(i)) CompileBorrowedArgument(c.Args, i);
            else CompileExpr(c.Args[i]);
        }
        _b.Emit(OpCode.Call, c.Span, c.Args.Count);
    }

    private void CompileMethodCall(MemberExpr m)
    {
        // The receiver is argument 0 of the method's builtin.
        var args = new List<Expr>(m.ArgList.Count + 1) { m.Target };
        args.AddRange(m.ArgList);
        bool borrows = ArrayMethod.All.TryGetValue(m.Name, out var method) && BuiltinRegistry.Get(method.Builtin).Borrows(0);
        if (borrows) CompileBorrowedArgument(args, 0);
        else CompileExpr(m.Target);
        foreach (var a in m.ArgList) CompileExpr(a);
        _b.Emit(OpCode.CallMethod, m.Span, _b.AddConstant(Value.String(m.Name)), m.ArgList.Count);
    }

    /// <summary>
    /// Argument <paramref name="i"/> of a builtin that only reads it (<see cref="BorrowedArguments"/>): a plain variable is
    /// loaded without marking its collection shared, so the next write to it need not copy. Only when no later argument
    /// can run code: a call there (a write-back call, or a function assigning the global) could change the variable in
    /// place while its value already waits on the stack, where value semantics require the value it had when read.
    /// </summary>
    private void CompileBorrowedArgument(IReadOnlyList<Expr> args, int i)
    {
        bool laterCode = false;
        for (int j = i + 1; j < args.Count; j++) laterCode |= ContainsCall(args[j]);
        if (!laterCode && IsVariable(args[i], out var symbol)) EmitLoad(symbol, args[i].Span, borrow: true);
        else CompileExpr(args[i]);
    }

    /// <summary><c>e?</c> (bytecode.md §5.7): unwrap Ok, or return the Err from the function (from the script: end it).</summary>
    private void CompileTry(TryExpr t)
    {
        var err = new Label();
        var done = new Label();
        CompileExpr(t.Operand);
        if (t.Operand.Type is not GenericType { Name: "Result" }) _b.Emit(OpCode.CheckResult, t.Span);
        _b.Emit(OpCode.Dup, t.Span);
        _b.Emit(OpCode.IsResultOk, t.Span);
        _b.EmitJump(OpCode.JumpIfFalse, err, t.Span);
        _b.Emit(OpCode.ExtractResultValue, t.Span);
        _b.EmitJump(OpCode.Jump, done, t.Span);
        _b.Mark(err);
        _b.Emit(OpCode.Return, t.Span);
        _b.Mark(done);
    }
}
