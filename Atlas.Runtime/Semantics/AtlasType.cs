namespace Atlas.Semantics;

/// <summary>A static type as the checker sees it. Display text follows language.md §4.4.</summary>
public abstract class AtlasType
{
    internal static readonly PrimitiveType Number = new("number");
    internal static readonly PrimitiveType String = new("string");
    internal static readonly PrimitiveType Bool = new("bool");
    internal static readonly PrimitiveType Null = new("null");
    internal static readonly PrimitiveType Void = new("void");
    /// <summary>The unknown type <c>?</c>: assignable both ways, skips checks.</summary>
    internal static readonly PrimitiveType Unknown = new("?");

    /// <summary>
    /// Deepest nesting of types the checker accepts. Type operations recurse on the .NET stack, and aliases and
    /// generic inference can build types much deeper than any written one, so deeper types are an error (AT1007).
    /// </summary>
    internal const int MaxDepth = 64;

    // Only the checker's own kinds of type exist; hosts read types, they do not define them.
    internal AtlasType() { }

    /// <summary>Levels of nesting: 1 for a primitive or type parameter, one more than the deepest component otherwise.</summary>
    public abstract int Depth { get; }

    /// <summary>
    /// The largest <see cref="Depth"/> of <paramref name="types"/> (0 if none), by a loop: LINQ's Max with a selector is
    /// generic code over int that is not precompiled, so every start-up paid the .NET JIT for it.
    /// </summary>
    private protected static int DeepestOf(IReadOnlyList<AtlasType> types)
    {
        int deepest = 0;
        for (int i = 0; i < types.Count; i++) deepest = Math.Max(deepest, types[i].Depth);
        return deepest;
    }

    /// <summary>The type as Atlas source writes it, e.g. <c>number[]</c> or <c>(string) -> bool</c>.</summary>
    public abstract string Display { get; }
    /// <summary>Same as <see cref="Display"/>.</summary>
    public override string ToString() => Display;

    /// <summary>Structural equality of types (aliases are already resolved when types are built).</summary>
    public abstract bool SameAs(AtlasType other);

    /// <summary>Whether this is the unknown type <c>?</c> (checked when the program runs).</summary>
    public bool IsUnknown => ReferenceEquals(this, Unknown);
}

/// <summary>number, string, bool, null, void and ?.</summary>
internal sealed class PrimitiveType(string name) : AtlasType
{
    public string Name { get; } = name;
    public override int Depth => 1;
    public override string Display => Name;
    public override bool SameAs(AtlasType other) => ReferenceEquals(this, other);
}

/// <summary><c>T[]</c>.</summary>
internal sealed class ArrayType(AtlasType element) : AtlasType
{
    public AtlasType Element { get; } = element;
    public override int Depth { get; } = element.Depth + 1;
    public override string Display => Element is FunctionType or UnionType ? $"({Element.Display})[]" : Element.Display + "[]";
    public override bool SameAs(AtlasType other) => other is ArrayType a && Element.SameAs(a.Element);
}

/// <summary>A function type, possibly generic (<c>&lt;T&gt;(T) -> T</c>).</summary>
internal sealed class FunctionType(
    IReadOnlyList<AtlasType> parameters, AtlasType returnType, IReadOnlyList<TypeParameterType>? typeParameters = null) : AtlasType
{
    public IReadOnlyList<AtlasType> Parameters { get; } = parameters;
    public AtlasType Return { get; } = returnType;
    public IReadOnlyList<TypeParameterType> TypeParameters { get; } = typeParameters ?? Array.Empty<TypeParameterType>();
    public override int Depth { get; } = Math.Max(returnType.Depth, DeepestOf(parameters)) + 1;

    public override string Display =>
        (TypeParameters.Count > 0 ? "<" + string.Join(", ", TypeParameters.Select(t => t.Display)) + ">" : "")
        + "(" + string.Join(", ", Parameters.Select(p => p.Display)) + ") -> " + Return.Display;

    public override bool SameAs(AtlasType other) =>
        other is FunctionType f && f.Parameters.Count == Parameters.Count && Return.SameAs(f.Return)
        && Parameters.Zip(f.Parameters).All(p => p.First.SameAs(p.Second));
}

/// <summary>A built-in generic instance: Option, Result, HashMap, HashSet, Array.</summary>
internal sealed class GenericType(string name, IReadOnlyList<AtlasType> args) : AtlasType
{
    public string Name { get; } = name;
    public IReadOnlyList<AtlasType> Args { get; } = args;
    public override int Depth { get; } = DeepestOf(args) + 1;
    public override string Display => Name + "<" + string.Join(", ", Args.Select(a => a.Display)) + ">";
    public override bool SameAs(AtlasType other) =>
        other is GenericType g && g.Name == Name && g.Args.Count == Args.Count && Args.Zip(g.Args).All(p => p.First.SameAs(p.Second));
}

/// <summary>A declared type parameter of a generic function.</summary>
internal sealed class TypeParameterType(string name) : AtlasType
{
    public string Name { get; } = name;
    public override int Depth => 1;
    public override string Display => Name;
    public override bool SameAs(AtlasType other) => ReferenceEquals(this, other);
}

/// <summary>The union that a match with differing arm types gets (language.md §8.6).</summary>
internal sealed class UnionType(IReadOnlyList<AtlasType> members) : AtlasType
{
    public IReadOnlyList<AtlasType> Members { get; } = members;
    public override int Depth { get; } = DeepestOf(members) + 1;
    public override string Display => string.Join(" | ", Members.Select(m => m.Display));
    public override bool SameAs(AtlasType other) =>
        other is UnionType u && u.Members.Count == Members.Count && Members.Zip(u.Members).All(p => p.First.SameAs(p.Second));
}
