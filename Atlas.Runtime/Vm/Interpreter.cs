namespace Atlas.Vm;

/// <summary>The bytecode interpreter (stub: being written).</summary>
public sealed partial class Interpreter
{
    /// <summary>Where print writes.</summary>
    public TextWriter Out { get; set; } = Console.Out;

    /// <summary>Calls an Atlas function value (user function, closure or builtin) with the given arguments; used by callbacks.</summary>
    public Value Invoke(Value callee, ReadOnlySpan<Value> args)
    {
        if (callee.Kind == ValueKind.Builtin) return callee.AsBuiltin.Impl(this, new Args(args.ToArray(), 0, args.Length));
        throw new NotImplementedException("user-function callbacks arrive with the VM");
    }
}
