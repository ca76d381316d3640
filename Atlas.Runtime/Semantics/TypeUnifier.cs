namespace Atlas.Semantics;

/// <summary>Infers the type parameters of a generic function from argument types (language.md §4.5).</summary>
internal sealed class TypeUnifier(IReadOnlyList<TypeParameterType> variables)
{
    // TypeParameterType has reference equality: one object per declared parameter.
    private readonly Dictionary<TypeParameterType, AtlasType> bindings = [];

    /// <summary>Matches a declared parameter type against an argument type, recording type-parameter bindings.</summary>
    public bool Unify(AtlasType parameter, AtlasType argument)
    {
        if (parameter is TypeParameterType tp && variables.Contains(tp)) return Bind(tp, argument);
        if (argument.IsUnknown)
        {
            // Everything an unknown argument could have told us is unknown too.
            BindAllUnknown(parameter);
            return true;
        }
        if (!Mentions(parameter)) return TypeRules.IsAssignable(argument, parameter);
        // A generic function passed as an argument is matched with its own parameters erased to `?`.
        if (argument is FunctionType { TypeParameters.Count: > 0 } generic) argument = Erase(generic);
        return (parameter, argument) switch
        {
            (ArrayType p, ArrayType a) => Unify(p.Element, a.Element),
            (FunctionType p, FunctionType a) => p.Parameters.Count == a.Parameters.Count
                && p.Parameters.Zip(a.Parameters).All(x => Unify(x.First, x.Second)) && Unify(p.Return, a.Return),
            (GenericType p, GenericType a) => p.Name == a.Name && p.Args.Count == a.Args.Count
                && p.Args.Zip(a.Args).All(x => Unify(x.First, x.Second)),
            _ => false,
        };
    }

    private bool Bind(TypeParameterType tp, AtlasType argument)
    {
        if (!bindings.TryGetValue(tp, out var bound) || argument.IsUnknown)
        {
            // "A parameter matched to ? becomes ?" — and stays so.
            if (bound is null || !bound.IsUnknown) bindings[tp] = argument;
            return true;
        }
        return bound.IsUnknown || TypeRules.IsAssignable(argument, bound) || TypeRules.IsAssignable(bound, argument);
    }

    private void BindAllUnknown(AtlasType t)
    {
        switch (t)
        {
            case TypeParameterType tp when variables.Contains(tp): bindings[tp] = AtlasType.Unknown; break;
            case ArrayType a: BindAllUnknown(a.Element); break;
            case FunctionType f:
                foreach (var p in f.Parameters) BindAllUnknown(p);
                BindAllUnknown(f.Return);
                break;
            case GenericType g: foreach (var a in g.Args) BindAllUnknown(a); break;
            case UnionType u: foreach (var m in u.Members) BindAllUnknown(m); break;
        }
    }

    /// <summary>Whether <paramref name="t"/> mentions one of the variables being inferred.</summary>
    private bool Mentions(AtlasType t) => t switch
    {
        TypeParameterType tp => variables.Contains(tp),
        ArrayType a => Mentions(a.Element),
        FunctionType f => f.Parameters.Any(Mentions) || Mentions(f.Return),
        GenericType g => g.Args.Any(Mentions),
        UnionType u => u.Members.Any(Mentions),
        _ => false,
    };

    public IEnumerable<TypeParameterType> Unbound => variables.Where(v => !bindings.ContainsKey(v));

    /// <summary>Replaces inferred type parameters by their bindings (unbound ones stay as they are).</summary>
    public AtlasType Substitute(AtlasType t) => Substitute(t, bindings);

    private static AtlasType Substitute(AtlasType t, IReadOnlyDictionary<TypeParameterType, AtlasType> map) => t switch
    {
        TypeParameterType tp => map.TryGetValue(tp, out var b) ? b : tp,
        ArrayType a => new ArrayType(Substitute(a.Element, map)),
        FunctionType f => new FunctionType(f.Parameters.Select(p => Substitute(p, map)).ToList(), Substitute(f.Return, map),
            f.TypeParameters.Where(v => !map.ContainsKey(v)).ToList()),
        GenericType g => new GenericType(g.Name, g.Args.Select(a => Substitute(a, map)).ToList()),
        UnionType u => new UnionType(u.Members.Select(m => Substitute(m, map)).ToList()),
        _ => t,
    };

    private static FunctionType Erase(FunctionType f) =>
        (FunctionType)Substitute(f, f.TypeParameters.ToDictionary(v => v, _ => (AtlasType)AtlasType.Unknown));
}
