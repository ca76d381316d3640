using Atlas.Vm;

namespace Atlas.Hosting;

/// <summary>
/// An Atlas function value (a script's function or closure, a builtin or a host function) held by .NET code. Call it
/// with <see cref="AtlasEngine.Call(AtlasFunction, object?[])"/>, or pass it back to scripts as an argument or a global.
/// </summary>
public sealed class AtlasFunction : IEquatable<AtlasFunction>
{
    internal AtlasFunction(Value value) => Value = value;

    /// <summary>The function value itself.</summary>
    public Value Value { get; }

    /// <summary>The function's name (<c>&lt;lambda&gt;</c> style names for anonymous functions).</summary>
    public string Name => Value.Kind == ValueKind.Builtin ? Value.AsBuiltin.Name : Value.AsFunction.Name;

    /// <summary>Same Atlas <c>==</c> as in scripts: the same declaration (and, for a closure, the same execution of it).</summary>
    public bool Equals(AtlasFunction? other) => other is not null && Value.Equals(other.Value);

    /// <summary>Same as <see cref="Equals(AtlasFunction?)"/>.</summary>
    public override bool Equals(object? obj) => Equals(obj as AtlasFunction);

    /// <summary>A hash consistent with <see cref="Equals(AtlasFunction?)"/>.</summary>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The function as <c>print</c> shows it.</summary>
    public override string ToString() => ValueFormatter.Display(Value);
}
