using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>A user function or closure: a prototype plus the values it captured when its declaration ran.</summary>
internal sealed class FunctionValue
{
    private static readonly Value[] NoUpvalues = System.Array.Empty<Value>();

    public FunctionProto Proto { get; }
    public Value[] Upvalues { get; }

    public FunctionValue(FunctionProto proto, Value[]? upvalues = null)
    {
        Proto = proto;
        Upvalues = upvalues ?? NoUpvalues;
    }

    public string Name => Proto.Name;
}
