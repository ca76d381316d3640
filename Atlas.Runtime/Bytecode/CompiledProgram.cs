namespace Atlas.Bytecode;

/// <summary>The output of the bytecode compiler: the top-level script prototype and every function prototype in it.</summary>
internal sealed class CompiledProgram(FunctionProto script, IReadOnlyList<FunctionProto> functions, GlobalTable globals)
{
    public FunctionProto Script { get; } = script;
    /// <summary>All prototypes, the script first, then functions in compilation order.</summary>
    public IReadOnlyList<FunctionProto> Functions { get; } = functions;
    public GlobalTable Globals { get; } = globals;
}
