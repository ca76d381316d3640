namespace Atlas.Vm;

/// <summary>The implementation of a builtin: it validates its own arguments and throws <see cref="AtlasRuntimeException"/>.</summary>
internal delegate Value BuiltinImpl(Interpreter vm, Args args);

/// <summary>A standard-library function value (display <c>&lt;builtin name&gt;</c>).</summary>
internal sealed class BuiltinFunction(string name, BuiltinImpl impl)
{
    public string Name { get; } = name;
    public BuiltinImpl Impl { get; } = impl;
}
