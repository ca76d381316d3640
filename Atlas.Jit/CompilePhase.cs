namespace Atlas.Jit;

/// <summary>The steps of one compilation, timed separately in <see cref="JitStats.CompileTimeByPhase"/>.</summary>
public enum CompilePhase
{
    /// <summary>Type inference of a function the engine had not analysed yet.</summary>
    Analysis,
    /// <summary>Building the expression tree from bytecode.</summary>
    Translation,
    /// <summary>Checking the tree for shapes FastExpressionCompiler miscompiles (<see cref="JitConfig.VerifyTrees"/>).</summary>
    Verification,
    /// <summary>FastExpressionCompiler or <c>Expression.Compile()</c> emitting IL into a dynamic method.</summary>
    Emission,
    /// <summary>The .NET JIT turning that IL into machine code (forced by <c>RuntimeHelpers.PrepareDelegate</c>).</summary>
    MachineCode,
}
