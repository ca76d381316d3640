using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Tests.Support;

/// <summary>Builds prototypes directly from code arrays, for validator and VM tests that bypass the front end.</summary>
internal static class Protos
{
    public static FunctionProto Make(int[] code, Value[]? constants = null, int arity = 0, int locals = 0, int maxStack = 8,
        string name = "f", string[]? upvalues = null) => new()
    {
        Name = name,
        Arity = arity,
        LocalCount = locals,
        MaxStack = maxStack,
        Code = code,
        Constants = constants ?? [],
        Lines = new LineTable(),
        LocalTypes = Enumerable.Repeat(StaticType.Any, locals).ToArray(),
        ReturnType = StaticType.Any,
        LocalNames = Enumerable.Range(0, locals).Select(i => "l" + i).ToArray(),
        UpvalueNames = upvalues ?? [],
    };

    public static int Op(OpCode op) => (int)op;
}
