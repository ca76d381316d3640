namespace Atlas.Jit.Codegen;

/// <summary>Which compiler produced a delegate.</summary>
internal enum CompiledBy
{
    Fast,
    System,
}
