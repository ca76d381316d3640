using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using FastExpressionCompiler;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Turns a lambda into a delegate: FastExpressionCompiler when allowed (it returns null for trees it does not support),
/// forcing the .NET JIT to compile the result at once so an invalid-IL miscompile surfaces here rather than at the first
/// call; <c>Expression.Compile()</c> when FEC declines or fails. Both failing is a <see cref="JitError.CompilationFailed"/>.
/// </summary>
internal static class ExpressionBackend
{
    /// <summary>
    /// Compiles <paramref name="lambda"/> (method mode: <c>refs</c> first) into <paramref name="method"/> with FEC's
    /// <c>CompileFastToIL</c> and returns the delegate of type <paramref name="delegateType"/> bound to
    /// <paramref name="refs"/>, compiled to machine code at once; null when FEC declines the tree (the caller then
    /// translates it again in closure mode).
    /// </summary>
    public static Delegate? CompileToMethod(LambdaExpression lambda, System.Reflection.Emit.DynamicMethod method, object[] refs,
        Type delegateType, PhaseClock clock)
    {
        try
        {
            bool ok = lambda.CompileFastToIL(method.GetILGenerator(), CompilerFlags.Default);
            clock.Mark(CompilePhase.Emission);
            if (!ok) return null;
            var d = method.CreateDelegate(delegateType, refs);
            RuntimeHelpers.PrepareDelegate(d);
            clock.Mark(CompilePhase.MachineCode);
            return d;
        }
        catch (Exception)
        {
            clock.Mark(CompilePhase.MachineCode);
            return null;
        }
    }

    /// <param name="clock">Charged with <see cref="CompilePhase.Emission"/> and <see cref="CompilePhase.MachineCode"/>.</param>
    public static JitResult<(Delegate Delegate, CompiledBy By)> Compile(LambdaExpression lambda, JitBackend backend, PhaseClock clock)
    {
        string? fastProblem = null;
        if (backend == JitBackend.Fast)
        {
            try
            {
                var d = lambda.CompileFast(ifFastFailedReturnNull: true);
                clock.Mark(CompilePhase.Emission);
                if (d != null)
                {
                    RuntimeHelpers.PrepareDelegate(d);
                    clock.Mark(CompilePhase.MachineCode);
                    return JitResult<(Delegate, CompiledBy)>.Ok((d, CompiledBy.Fast));
                }
                fastProblem = "FastExpressionCompiler does not support this tree";
            }
            catch (Exception e)
            {
                fastProblem = $"FastExpressionCompiler: {e.GetType().Name}: {e.Message}";
            }
        }
        try
        {
            var d = lambda.Compile();
            clock.Mark(CompilePhase.Emission);
            RuntimeHelpers.PrepareDelegate(d);
            clock.Mark(CompilePhase.MachineCode);
            return JitResult<(Delegate, CompiledBy)>.Ok((d, CompiledBy.System));
        }
        catch (Exception e)
        {
            var detail = $"Expression.Compile: {e.GetType().Name}: {e.Message}";
            return JitError.CompilationFailed(fastProblem == null ? detail : fastProblem + "; " + detail);
        }
    }
}
