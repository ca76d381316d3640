using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Stdlib;
using Atlas.Syntax;
using Atlas.Vm;

namespace Atlas.Bytecode;

internal sealed partial class FunctionCompiler
{
    /// <summary>What a write-back call leaves on the stack.</summary>
    private enum WriteBackMode
    {
        /// <summary>Nothing (expression statement inside a function).</summary>
        Discard,
        /// <summary>The call's value, possibly the same object as the written-back variable (top-level completion value).</summary>
        KeepAliased,
        /// <summary>The call's value as an independent value.</summary>
        Value,
    }

    /// <summary>Which CheckNumber message a compound assignment uses for non-number operands.</summary>
    private enum CheckNumberKind { Compound = 0, Increment = 1, Decrement = 2 }

    /// <summary>
    /// Calls whose first argument (or receiver) is a plain variable and whose builtin writes back (stdlib.md §0.4,
    /// language.md §8.5). The variable is borrowed, so an unshared collection is updated in place.
    /// </summary>
    private bool TryCompileWriteBackCall(Expr e, WriteBackMode mode)
    {
        WriteBack wb;
        Symbol target;
        if (e is CallExpr { Callee: NameExpr { Symbol: { Kind: SymbolKind.Builtin } callee } } call
            && call.Args.Count > 0 && IsVariable(call.Args[0], out target)
            && BuiltinNames.WriteBacks.TryGetValue(callee.Name, out wb))
        {
            EmitCallBorrowingFirst(callee, call, target);
        }
        else if (e is MemberExpr m && ArrayMethod.All.TryGetValue(m.Name, out var method) && method.WriteBack != WriteBack.None
                 && IsVariable(m.Target, out target))
        {
            wb = method.WriteBack;
            EmitLoad(target, m.Target.Span, borrow: true);
            foreach (var a in m.ArgList) CompileExpr(a);
            _b.Emit(OpCode.CallMethod, m.Span, _b.AddConstant(Value.String(m.Name)), m.ArgList.Count);
        }
        else return false;

        var span = e.Span;
        if (wb == WriteBack.ReturnsItem)
        {
            // The raw result is [item, newCollection].
            _b.Emit(OpCode.UnpackPair, span);
            EmitStore(target, span);
            _b.Emit(OpCode.Pop, span);
            if (mode == WriteBackMode.Discard) _b.Emit(OpCode.Pop, span);
        }
        else
        {
            EmitStore(target, span);
            if (mode == WriteBackMode.Discard) _b.Emit(OpCode.Pop, span);
            else if (mode == WriteBackMode.Value)
            {
                // Reload so the value and the variable are marked shared: they are the same collection now.
                _b.Emit(OpCode.Pop, span);
                EmitLoad(target, span);
            }
        }
        return true;
    }

    /// <summary>Builtins that return their first argument's array with something added and call no Atlas code.</summary>
    private static readonly HashSet<string> SelfUpdatingBuiltins = ["arrayPush", "concat"];

    /// <summary>
    /// <c>a = arrayPush(a, x)</c>: the variable is overwritten with the result as soon as the call returns, so its old
    /// value is borrowed rather than shared and an unshared array grows in place instead of being copied on every call.
    /// Any other read of the variable while the arguments are evaluated still marks it shared, which makes the builtin
    /// copy as before.
    /// </summary>
    private bool TryCompileSelfUpdate(Symbol target, Expr value)
    {
        if (value is not CallExpr { Callee: NameExpr { Symbol: { Kind: SymbolKind.Builtin } callee } } call
            || !SelfUpdatingBuiltins.Contains(callee.Name) || call.Args.Count == 0
            || !IsVariable(call.Args[0], out var first) || !ReferenceEquals(first, target))
            return false;
        EmitCallBorrowingFirst(callee, call, first);
        return true;
    }

    /// <summary>Calls the builtin with its first argument, the variable <paramref name="first"/>, borrowed (not marked shared).</summary>
    private void EmitCallBorrowingFirst(Symbol callee, CallExpr call, Symbol first)
    {
        EmitLoad(callee, call.Callee.Span);
        EmitLoad(first, call.Args[0].Span, borrow: true);
        for (int i = 1; i < call.Args.Count; i++) CompileExpr(call.Args[i]);
        _b.Emit(OpCode.Call, call.Span, call.Args.Count);
    }

    private void CompileAssign(AssignStmt a)
    {
        if (a.Target is NameExpr n)
        {
            if (!TryCompileSelfUpdate(n.Symbol!, a.Value)) CompileExpr(a.Value);
            EmitStore(n.Symbol!, a.Span);
            _b.Emit(OpCode.Pop, a.Span);
            return;
        }
        var (root, indexes) = FlattenIndexTarget(a.Target);
        if (root == null)
        {
            // f()[0] = 1 passes the checker but is not an assignable place (language.md §6).
            CompileExpr(a.Value);
            foreach (var ix in indexes) { CompileExpr(ix); _b.Emit(OpCode.Pop, a.Span); }
            _b.Emit(OpCode.Pop, a.Span);
            EmitConstant(Value.String("Invalid assignment target"), a.Span);
            _b.Emit(OpCode.Throw, a.Span);
            return;
        }
        if (indexes.All(IsPureRead) && (Owns(root) || !ContainsCall(a.Value)))
        {
            // Evaluating the indexes before the value is unobservable here: they have no effects and cannot fail,
            // and the value cannot reassign the variable, so the plain stack order is used (no temporaries).
            var spans = IndexSpans(a.Target);
            for (int level = 0; level < indexes.Count; level++)
            {
                EmitLoad(root, a.Span, borrow: true);
                for (int j = 0; j < level; j++)
                {
                    CompileExpr(indexes[j]);
                    _b.Emit(OpCode.GetIndex, spans[j]);
                }
                CompileExpr(indexes[level]);
            }
            CompileExpr(a.Value);
            for (int level = indexes.Count - 1; level >= 0; level--) _b.Emit(OpCode.SetIndex, spans[level]);
            EmitStore(root, a.Span);
            _b.Emit(OpCode.Pop, a.Span);
            return;
        }
        // Order (README decision 15): the value first, then the indexes from the last bracket to the first, each once.
        int valueTemp = NewTemp("assign_value");
        CompileExpr(a.Value);
        StoreTemp(valueTemp, a.Span);
        var indexTemps = new int[indexes.Count];
        for (int i = indexes.Count - 1; i >= 0; i--)
        {
            indexTemps[i] = NewTemp("assign_index");
            CompileExpr(indexes[i]);
            StoreTemp(indexTemps[i], indexes[i].Span);
        }
        EmitIndexedStore(root, a.Target, indexTemps, () => _b.Emit(OpCode.GetLocal, a.Span, valueTemp), a.Span);
    }

    /// <summary>
    /// Stores into root[i1]...[ik]: pushes (container, index) for each level, the new value, then k SetIndex that
    /// rebuild each level from the innermost out, and writes the outermost back into the variable (language.md §6).
    /// </summary>
    private void EmitIndexedStore(Symbol root, Expr target, int[] indexTemps, Action pushValue, TextSpan span)
    {
        var spans = IndexSpans(target);
        for (int level = 0; level < indexTemps.Length; level++)
        {
            EmitLoad(root, span, borrow: true);
            for (int j = 0; j < level; j++)
            {
                _b.Emit(OpCode.GetLocal, span, indexTemps[j]);
                _b.Emit(OpCode.GetIndex, spans[j]);
            }
            _b.Emit(OpCode.GetLocal, span, indexTemps[level]);
        }
        pushValue();
        for (int level = indexTemps.Length - 1; level >= 0; level--) _b.Emit(OpCode.SetIndex, spans[level]);
        EmitStore(root, span);
        _b.Emit(OpCode.Pop, span);
    }

    /// <summary><c>t op= e</c>, <c>t++</c>, <c>t--</c> on a name or an index chain (value == null means the constant 1).</summary>
    private void CompileCompound(Expr target, BinaryOp op, Expr? value, TextSpan span, CheckNumberKind kind)
    {
        var opcode = BinaryOpCode(op);
        void PushRight()
        {
            if (value == null) { EmitConstant(Value.Number(1), span); return; }
            CompileExpr(value);
            if (!IsStaticNumber(value)) _b.Emit(OpCode.CheckNumber, span, (int)kind);
        }

        if (target is NameExpr n)
        {
            EmitLoad(n.Symbol!, span);
            if (!IsStaticNumber(target)) _b.Emit(OpCode.CheckNumber, span, (int)kind);
            PushRight();
            _b.Emit(opcode, span);
            EmitStore(n.Symbol!, span);
            _b.Emit(OpCode.Pop, span);
            return;
        }
        var (root, indexes) = FlattenIndexTarget(target);
        if (root == null)
        {
            foreach (var ix in indexes) { CompileExpr(ix); _b.Emit(OpCode.Pop, span); }
            EmitConstant(Value.String("Invalid assignment target"), span);
            _b.Emit(OpCode.Throw, span);
            return;
        }
        // Indexes first (each once), then read the element, then the right operand, then store.
        var indexTemps = new int[indexes.Count];
        for (int i = 0; i < indexes.Count; i++)
        {
            indexTemps[i] = NewTemp("compound_index");
            CompileExpr(indexes[i]);
            StoreTemp(indexTemps[i], indexes[i].Span);
        }
        var spans = IndexSpans(target);
        EmitIndexedStore(root, target, indexTemps, () =>
        {
            EmitLoad(root, span, borrow: true);
            for (int j = 0; j < indexTemps.Length; j++)
            {
                _b.Emit(OpCode.GetLocal, span, indexTemps[j]);
                _b.Emit(OpCode.GetIndex, spans[j]);
            }
            _b.Emit(OpCode.CheckNumber, span, (int)kind);
            PushRight();
            _b.Emit(opcode, span);
        }, span);
    }

    /// <summary>An expression whose evaluation has no effect and cannot fail: a literal or a read of a local or parameter.</summary>
    private static bool IsPureRead(Expr e) =>
        e is NumberLiteral or StringLiteral or BoolLiteral or NullLiteral
        || e is NameExpr { Symbol.Kind: SymbolKind.Local or SymbolKind.Parameter };

    /// <summary>Whether evaluating the expression may run user code (which could assign a global or upvalue).</summary>
    private static bool ContainsCall(Expr e) => e switch
    {
        CallExpr or MemberExpr or TryExpr or MatchExpr => true,
        BinaryExpr b => ContainsCall(b.Left) || ContainsCall(b.Right),
        UnaryExpr u => ContainsCall(u.Operand),
        IndexExpr ix => ContainsCall(ix.Target) || ContainsCall(ix.Index),
        ArrayLiteral a => a.Elements.Any(ContainsCall),
        _ => false,
    };

    /// <summary>Splits <c>x[i][j]</c> into its root variable (null if the base is not a variable) and the index expressions, outermost first.</summary>
    private static (Symbol? Root, List<Expr> Indexes) FlattenIndexTarget(Expr target)
    {
        var indexes = new List<Expr>();
        var e = target;
        while (e is IndexExpr ix)
        {
            indexes.Insert(0, ix.Index);
            e = ix.Target;
        }
        return (IsVariable(e, out var s) ? s : null, indexes);
    }

    private static List<TextSpan> IndexSpans(Expr target)
    {
        var spans = new List<TextSpan>();
        var e = target;
        while (e is IndexExpr ix)
        {
            spans.Insert(0, ix.Span);
            e = ix.Target;
        }
        return spans;
    }
}
