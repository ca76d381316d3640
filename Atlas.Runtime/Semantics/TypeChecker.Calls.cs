using Atlas.Diagnostics;
using Atlas.Stdlib;
using Atlas.Syntax;

namespace Atlas.Semantics;

internal sealed partial class TypeChecker
{
    /// <summary>Calls of §8.3, including generic inference (§4.5) and the Not-Copy warning (§7).</summary>
    private AtlasType CheckCall(CallExpr call)
    {
        var calleeType = CheckExpr(call.Callee);
        if (calleeType.IsUnknown)
        {
            CheckArgs(call.Args);
            return AtlasType.Unknown;
        }
        if (calleeType is not FunctionType fn)
        {
            Report(DiagnosticId.NotCallable, call.Span, calleeType.Display);
            CheckArgsSilently(call.Args);
            return AtlasType.Unknown;
        }
        if (call.Args.Count != fn.Parameters.Count)
        {
            var noun = fn.Parameters.Count == 1 ? "argument" : "arguments";
            Report(DiagnosticId.ArityMismatch, call.Span, $"Function expects {fn.Parameters.Count} {noun}, found {call.Args.Count}");
        }
        var result = fn.TypeParameters.Count > 0 ? CheckGenericArgs(call, fn) : CheckPlainArgs(call, fn);
        WarnNotCopy(call, fn);
        return result;
    }

    private void CheckArgs(IEnumerable<Expr> args)
    {
        foreach (var arg in args) CheckExpr(arg);
    }

    /// <summary>Annotates arguments the reference never looks at, without reporting anything about them.</summary>
    private void CheckArgsSilently(IEnumerable<Expr> args)
    {
        foreach (var arg in args) CheckSilently(arg);
    }

    private AtlasType CheckPlainArgs(CallExpr call, FunctionType fn)
    {
        for (var i = 0; i < call.Args.Count; i++)
        {
            var t = CheckExpr(call.Args[i]);
            if (i < fn.Parameters.Count && !TypeRules.IsAssignable(t, fn.Parameters[i]))
                Mismatch(call.Args[i].Span, $"Argument {i + 1} type mismatch: expected {fn.Parameters[i]}, found {t}");
        }
        return fn.Return;
    }

    private AtlasType CheckGenericArgs(CallExpr call, FunctionType fn)
    {
        var unifier = new TypeUnifier(fn.TypeParameters);
        var failed = false;
        for (var i = 0; i < call.Args.Count; i++)
        {
            // After a failed inference the reference stops looking at the call.
            if (failed)
            {
                CheckSilently(call.Args[i]);
                continue;
            }
            var t = CheckExpr(call.Args[i]);
            if (i >= fn.Parameters.Count || unifier.Unify(fn.Parameters[i], t)) continue;
            Mismatch(call.Args[i].Span,
                $"Type inference failed: cannot match argument {i + 1} of type {t} with parameter of type {fn.Parameters[i]}");
            failed = true;
        }
        if (failed) return AtlasType.Unknown;
        var unbound = unifier.Unbound.Select(v => v.Name).ToList();
        if (unbound.Count > 0)
        {
            Report(DiagnosticId.CannotInferTypeParameters, call.Span, string.Join(", ", unbound));
            return AtlasType.Unknown;
        }
        return unifier.Substitute(fn.Return);
    }

    /// <summary>
    /// AT2013: an argument of a non-Copy static type passed to a user function whose declaration comes earlier in the
    /// source (which includes the function being checked, for recursive calls).
    /// </summary>
    private void WarnNotCopy(CallExpr call, FunctionType fn)
    {
        if (call.Callee is not NameExpr { Symbol: { Kind: SymbolKind.Function or SymbolKind.NestedFunction, Declaration: { } decl } })
            return;
        if (decl.Span.Start >= call.Span.Start) return;
        for (var i = 0; i < call.Args.Count && i < fn.Parameters.Count; i++)
        {
            var t = call.Args[i].Type ?? AtlasType.Unknown;
            if (!t.IsUnknown && !TypeRules.IsCopy(t)) Report(DiagnosticId.NotCopyType, call.Args[i].Span, t.Display);
        }
    }

    /// <summary>Method calls of §8.5: only arrays have methods; a `?` receiver is dispatched at run time.</summary>
    private AtlasType CheckMethodCall(MemberExpr m)
    {
        var receiver = CheckExpr(m.Target);
        var args = m.ArgList;
        // With a `?` receiver or an unknown method the reference does not look at the arguments; their reads still
        // count for AT2001 (in the spirit of README decision 13).
        if (receiver.IsUnknown)
        {
            CheckArgsSilently(args);
            return AtlasType.Unknown;
        }
        if (receiver is not ArrayType || !ArrayMethod.All.TryGetValue(m.Name, out var method))
        {
            Report(DiagnosticId.NoSuchMethod, m.NameSpan, receiver.Display, m.Name);
            CheckArgsSilently(args);
            return AtlasType.Unknown;
        }
        if (args.Count != method.Parameters.Length)
            Report(DiagnosticId.MethodArityMismatch, m.Span, m.Name, method.Parameters.Length, args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var t = CheckExpr(args[i]);
            if (i < method.Parameters.Length && !TypeRules.IsAssignable(t, method.Parameters[i]))
                Mismatch(args[i].Span, $"Argument {i + 1} has wrong type: expected {method.Parameters[i]}, found {t}");
        }
        return method.Result;
    }

    /// <summary>The `?` operator of §8.7; every check is skipped when the operand is `?`.</summary>
    private AtlasType CheckTry(TryExpr t)
    {
        var operand = CheckExpr(t.Operand);
        if (operand.IsUnknown) return AtlasType.Unknown;
        if (!TypeRules.IsGeneric(operand, "Result", 2))
        {
            Report(DiagnosticId.TryRequiresResult, t.Span, operand.Display);
            return AtlasType.Unknown;
        }
        var result = (GenericType)operand;
        if (function is null)
        {
            Report(DiagnosticId.TryOutsideFunction, t.Span);
            return AtlasType.Unknown;
        }
        // As in the reference, a `?`-typed return type is not a Result either, and error types must be identical.
        if (function.ReturnType is not GenericType { Name: "Result", Args.Count: 2 } ret)
        {
            Report(DiagnosticId.TryFunctionNotResult, t.Span, function.ReturnType.Display);
            return AtlasType.Unknown;
        }
        if (!result.Args[1].SameAs(ret.Args[1]))
            Report(DiagnosticId.TryErrorTypeMismatch, t.Span, result.Args[1].Display, ret.Args[1].Display);
        return result.Args[0];
    }
}
