namespace Atlas.Vm;

/// <summary>The bytecode interpreter (stub: being written).</summary>
public sealed partial class Interpreter
{
    /// <summary>Where print writes.</summary>
    public TextWriter Out { get; set; } = Console.Out;

    /// <summary>Calls an Atlas function value (user function, closure or builtin) with the given arguments; used by callbacks.</summary>
    public Value Invoke(Value callee, ReadOnlySpan<Value> args) => throw new NotImplementedException();
}
