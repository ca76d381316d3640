using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

internal sealed partial class TypeChecker
{
    private void CheckBlock(BlockStmt block)
    {
        var afterReturn = false;
        foreach (var stmt in block.Statements)
        {
            if (afterReturn) Report(DiagnosticId.UnreachableCode, stmt.Span);
            CheckStatement(stmt);
            if (stmt is ReturnStmt) afterReturn = true;
        }
    }

    private void CheckStatement(Stmt stmt)
    {
        switch (stmt)
        {
            case VarDecl v: CheckVarDecl(v); break;
            case FnDecl fn: CheckFunction(fn); break;
            case ExprStmt e: CheckExpr(e.Expression); break;
            case AssignStmt a: CheckAssign(a); break;
            case CompoundAssignStmt c: CheckCompoundAssign(c); break;
            case IncDecStmt i: CheckIncDec(i); break;
            case IfStmt i:
                CheckCondition(i.Condition);
                CheckBlock(i.Then);
                if (i.Else is not null) CheckStatement(i.Else);
                break;
            case WhileStmt w:
                CheckCondition(w.Condition);
                CheckLoopBody(w.Body);
                break;
            case ForStmt f:
                if (f.Init is not null) CheckStatement(f.Init);
                if (f.Condition is not null) CheckCondition(f.Condition);
                if (f.Step is not null) CheckStatement(f.Step);
                CheckLoopBody(f.Body);
                break;
            case ForInStmt f: CheckForIn(f); break;
            case ReturnStmt r: CheckReturn(r); break;
            case BreakStmt: if (loopDepth == 0) Report(DiagnosticId.BreakOutsideLoop, stmt.Span); break;
            case ContinueStmt: if (loopDepth == 0) Report(DiagnosticId.ContinueOutsideLoop, stmt.Span); break;
            case BlockStmt b: CheckBlock(b); break;
            default: break; // type aliases were resolved by the binder
        }
    }

    private void CheckLoopBody(BlockStmt body)
    {
        loopDepth++;
        try { CheckBlock(body); }
        finally { loopDepth--; }
    }

    private void CheckCondition(Expr condition)
    {
        var t = CheckExpr(condition);
        if (!TypeRules.IsAssignable(t, AtlasType.Bool)) Mismatch(condition.Span, $"Condition must be bool, found {t}");
    }

    private void CheckVarDecl(VarDecl v)
    {
        var valueType = CheckExpr(v.Initializer);
        var symbol = v.Symbol;
        if (symbol is null) return;
        if (v.DeclaredType is null) symbol.Type = valueType;
        else if (!TypeRules.IsAssignable(valueType, symbol.Type))
            Mismatch(v.Span, $"Type mismatch: expected {symbol.Type}, found {valueType}");
        if (function is not null && symbol.Kind == SymbolKind.Local && ReferenceEquals(symbol.Owner, function.Declaration))
            function.UnusedCandidates.Add(symbol);
    }

    private void CheckForIn(ForInStmt f)
    {
        var t = CheckExpr(f.Iterable);
        if (!t.IsUnknown && t is not ArrayType) Mismatch(f.Iterable.Span, $"for-in requires an array, found {t}");
        if (f.Symbol is not null)
        {
            // The loop variable is `?` even when the element type is known (§6).
            f.Symbol.Type = AtlasType.Unknown;
            forInVariables.Add(f.Symbol);
        }
        CheckLoopBody(f.Body);
    }

    private void CheckReturn(ReturnStmt r)
    {
        if (function is null)
        {
            Report(DiagnosticId.ReturnOutsideFunction, r.Span);
            // The reference stops at this error; the value is still annotated, but its diagnostics are dropped.
            if (r.Value is not null) CheckSilently(r.Value);
            return;
        }
        var t = r.Value is null ? AtlasType.Void : CheckExpr(r.Value);
        var expected = function.ReturnType;
        if (!TypeRules.IsAssignable(t, expected))
            Mismatch(r.Span, $"Return type mismatch: expected {expected}, found {t}");
    }

    private void CheckSilently(Expr expr)
    {
        var mark = diagnostics.Count;
        CheckExpr(expr);
        diagnostics.RemoveRange(mark, diagnostics.Count - mark);
    }

    private bool IsWritable(Symbol symbol) => symbol.Mutable || forInVariables.Contains(symbol);

    /// <summary>AT3003 for a plain-name target; the checker never reports it for index targets (§5.1).</summary>
    private void CheckWritable(Expr target, DiagnosticId immutableError)
    {
        if (target is NameExpr { Symbol: { } symbol } n && !IsWritable(symbol)) Report(immutableError, n.Span, n.Name);
    }

    // Order of checks and spans follow the reference: types first, then mutability.
    private void CheckAssign(AssignStmt a)
    {
        var valueType = CheckExpr(a.Value);
        var targetType = CheckAssignTarget(a.Target);
        if (!TypeRules.IsAssignable(valueType, targetType))
            Mismatch(a.Span, $"Type mismatch in assignment: expected {targetType}, found {valueType}");
        CheckWritable(a.Target, DiagnosticId.ImmutableAssign);
    }

    private void CheckCompoundAssign(CompoundAssignStmt c)
    {
        var valueType = CheckExpr(c.Value);
        var targetType = CheckAssignTarget(c.Target);
        if (!TypeRules.IsAssignable(targetType, AtlasType.Number))
            Mismatch(c.Span, $"Compound assignment requires number type, found {targetType}");
        if (!TypeRules.IsAssignable(valueType, AtlasType.Number))
            Mismatch(c.Span, $"Compound assignment requires number value, found {valueType}");
        CheckWritable(c.Target, DiagnosticId.ImmutableModify);
    }

    private void CheckIncDec(IncDecStmt i)
    {
        var targetType = CheckAssignTarget(i.Target);
        if (!TypeRules.IsAssignable(targetType, AtlasType.Number))
            Mismatch(i.Span, $"{(i.Increment ? "Increment" : "Decrement")} requires number type, found {targetType}");
        CheckWritable(i.Target, DiagnosticId.ImmutableModify);
    }

    /// <summary>
    /// Checks the left-hand side of an assignment and returns the type a stored value must have.
    /// A plain name is not a read (§7); an index target reads its base like any expression.
    /// </summary>
    private AtlasType CheckAssignTarget(Expr target)
    {
        switch (target)
        {
            case NameExpr n:
                n.Type = n.Symbol?.Type ?? AtlasType.Unknown;
                return n.Type;
            case IndexExpr ix:
            {
                var containerType = CheckExpr(ix.Target);
                var indexType = CheckExpr(ix.Index);
                if (!TypeRules.IsAssignable(indexType, AtlasType.Number))
                    Mismatch(ix.Index.Span, $"Array index must be number, found {indexType}");
                AtlasType elementType = AtlasType.Unknown;
                if (containerType is ArrayType array) elementType = array.Element;
                else if (!containerType.IsUnknown)
                    Mismatch(ix.Target.Span, $"Cannot index into non-array type {containerType}");
                ix.Type = elementType;
                return elementType;
            }
            default:
                // Not a valid target (the parser reports it); still annotate it.
                CheckExpr(target);
                return AtlasType.Unknown;
        }
    }
}
