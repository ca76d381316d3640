using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Bytecode;

internal sealed partial class FunctionCompiler
{
    private void CompileStmt(Stmt stmt)
    {
        switch (stmt)
        {
            case VarDecl v: CompileVarDecl(v); break;
            case FnDecl fn: CompileNestedFunction(fn); break;
            case TypeAliasDecl: break;
            case ExprStmt e: CompileExprStmt(e); break;
            case AssignStmt a: CompileAssign(a); SetCompletionNull(a.Span); break;
            case CompoundAssignStmt c: CompileCompound(c.Target, c.Op, c.Value, c.Span, CheckNumberKind.Compound); SetCompletionNull(c.Span); break;
            case IncDecStmt i:
                CompileCompound(i.Target, i.Increment ? BinaryOp.Add : BinaryOp.Sub, null, i.Span,
                    i.Increment ? CheckNumberKind.Increment : CheckNumberKind.Decrement);
                SetCompletionNull(i.Span);
                break;
            case IfStmt i: CompileIf(i); break;
            case WhileStmt w: CompileWhile(w); break;
            case ForStmt f: CompileFor(f); break;
            case ForInStmt f: CompileForIn(f); break;
            case ReturnStmt r:
                // Returning a local moves it: the frame's slot dies with the return, so the value leaves without being
                // marked shared and the caller may mutate a returned array in place instead of copying it first.
                if (r.Value is NameExpr { Symbol: { Kind: SymbolKind.Local or SymbolKind.Parameter } moved } && StorageOf(moved).Kind == Storage.Local)
                    EmitLoad(moved, r.Value.Span, borrow: true);
                else if (r.Value != null) CompileExpr(r.Value);
                else _b.Emit(OpCode.Null, r.Span);
                _b.Emit(OpCode.Return, r.Span);
                break;
            case BreakStmt b: _b.EmitJump(OpCode.Jump, _loops.Peek().Break, b.Span); break;
            case ContinueStmt c:
                var loop = _loops.Peek();
                _b.EmitJump(loop.ContinueIsBackward ? OpCode.Loop : OpCode.Jump, loop.Continue, c.Span);
                break;
            case BlockStmt block:
                foreach (var s in block.Statements) CompileStmt(s);
                break;
            default: throw new InvalidOperationException($"cannot compile {stmt.GetType().Name}");
        }
    }

    /// <summary>Top-level code tracks the completion value (language.md §1.2); statements that are not expressions reset it.</summary>
    private void SetCompletionNull(TextSpan span)
    {
        if (!IsScript) return;
        _b.Emit(OpCode.Null, span);
        StoreTemp(_completionSlot, span);
    }

    private void CompileExprStmt(ExprStmt e)
    {
        // In top-level code the value stays on the stack as the completion value; aliasing the written-back variable
        // there is harmless because any later statement overwrites or resets the completion slot.
        var mode = IsScript ? WriteBackMode.KeepAliased : WriteBackMode.Discard;
        if (TryCompileWriteBackCall(e.Expression, mode))
        {
            if (IsScript) StoreTemp(_completionSlot, e.Span);
            return;
        }
        CompileExpr(e.Expression);
        if (IsScript) _b.Emit(OpCode.SetLocal, e.Span, _completionSlot);
        _b.Emit(OpCode.Pop, e.Span);
    }

    private void CompileVarDecl(VarDecl v)
    {
        CompileExpr(v.Initializer);
        var s = v.Symbol!;
        if (s.Kind == SymbolKind.Local) DeclareLocal(s, v.Name);
        EmitStore(s, v.NameSpan);
        _b.Emit(OpCode.Pop, v.Span);
        SetCompletionNull(v.Span);
    }

    private void CompileNestedFunction(FnDecl fn)
    {
        var (proto, child) = CompileFunction(fn);
        int k = _b.AddConstant(Value.Function(new FunctionValue(proto)));
        if (child.UpvalueCount == 0) _b.Emit(OpCode.Constant, fn.NameSpan, k);
        else
        {
            foreach (var (fromLocal, index, _) in child.Upvalues)
                _b.Emit(fromLocal ? OpCode.GetLocal : OpCode.GetUpvalue, fn.NameSpan, index);
            _b.Emit(OpCode.MakeClosure, fn.NameSpan, k, child.UpvalueCount);
        }
        _b.Emit(OpCode.SetGlobal, fn.NameSpan, _root.NestedAliasSlot(fn.Symbol!));
        _b.Emit(OpCode.Pop, fn.NameSpan);
    }

    private void CompileIf(IfStmt i)
    {
        SetCompletionNull(i.Span);
        var elseLabel = new Label();
        var end = new Label();
        CompileExpr(i.Condition);
        _b.EmitJump(OpCode.JumpIfFalse, elseLabel, i.Condition.Span);
        CompileStmt(i.Then);
        if (i.Else != null)
        {
            _b.EmitJump(OpCode.Jump, end, i.Span);
            _b.Mark(elseLabel);
            CompileStmt(i.Else);
            _b.Mark(end);
        }
        else _b.Mark(elseLabel);
    }

    private void CompileWhile(WhileStmt w)
    {
        SetCompletionNull(w.Span);
        var top = new Label();
        var exit = new Label();
        _b.Mark(top);
        CompileExpr(w.Condition);
        _b.EmitJump(OpCode.JumpIfFalse, exit, w.Condition.Span);
        _loops.Push(new LoopContext(exit, top, ContinueIsBackward: true));
        CompileStmt(w.Body);
        _loops.Pop();
        _b.EmitJump(OpCode.Loop, top, w.Span);
        _b.Mark(exit);
    }

    private void CompileFor(ForStmt f)
    {
        SetCompletionNull(f.Span);
        if (f.Init != null) CompileStmt(f.Init);
        var top = new Label();
        var step = new Label();
        var exit = new Label();
        _b.Mark(top);
        if (f.Condition != null)
        {
            CompileExpr(f.Condition);
            _b.EmitJump(OpCode.JumpIfFalse, exit, f.Condition.Span);
        }
        // continue runs the step (language.md §16 #4).
        _loops.Push(new LoopContext(exit, step, ContinueIsBackward: false));
        CompileStmt(f.Body);
        _loops.Pop();
        _b.Mark(step);
        if (f.Step != null) CompileStmt(f.Step);
        _b.EmitJump(OpCode.Loop, top, f.Span);
        _b.Mark(exit);
    }

    private void CompileForIn(ForInStmt f)
    {
        SetCompletionNull(f.Span);
        int arr = NewTemp("forin_array", StaticType.Array);
        int len = NewTemp("forin_length", StaticType.Number);
        int idx = NewTemp("forin_index", StaticType.Number);
        CompileExpr(f.Iterable);
        _b.Emit(OpCode.CheckIterable, f.Iterable.Span);
        StoreTemp(arr, f.Iterable.Span);
        _b.Emit(OpCode.BorrowLocal, f.Span, arr);
        _b.Emit(OpCode.GetArrayLen, f.Span);
        StoreTemp(len, f.Span);
        EmitConstant(Value.Number(0), f.Span);
        StoreTemp(idx, f.Span);
        int x = DeclareLocal(f.Symbol!, f.Variable);

        var top = new Label();
        var incr = new Label();
        var exit = new Label();
        _b.Mark(top);
        _b.Emit(OpCode.GetLocal, f.Span, idx);
        _b.Emit(OpCode.GetLocal, f.Span, len);
        _b.Emit(OpCode.Less, f.Span);
        _b.EmitJump(OpCode.JumpIfFalse, exit, f.Span);
        _b.Emit(OpCode.BorrowLocal, f.Span, arr);
        _b.Emit(OpCode.GetLocal, f.Span, idx);
        _b.Emit(OpCode.GetIndex, f.Span);
        StoreTemp(x, f.VariableSpan);
        _loops.Push(new LoopContext(exit, incr, ContinueIsBackward: false));
        CompileStmt(f.Body);
        _loops.Pop();
        _b.Mark(incr);
        _b.Emit(OpCode.GetLocal, f.Span, idx);
        EmitConstant(Value.Number(1), f.Span);
        _b.Emit(OpCode.Add, f.Span);
        StoreTemp(idx, f.Span);
        _b.EmitJump(OpCode.Loop, top, f.Span);
        _b.Mark(exit);
    }
}
