namespace Atlas.Semantics;

/// <summary>Assignability (language.md §4.3), match-arm widening (§8.6) and the Copy classification (§7).</summary>
internal static class TypeRules
{
    /// <summary>Whether a value of type <paramref name="source"/> may be used where <paramref name="target"/> is expected.</summary>
    public static bool IsAssignable(AtlasType source, AtlasType target)
    {
        if (source.IsUnknown || target.IsUnknown) return true;
        if (source.SameAs(target)) return true;
        if (source is UnionType su) return su.Members.All(m => IsAssignable(m, target));
        if (target is UnionType tu) return tu.Members.Any(m => IsAssignable(source, m));
        return (source, target) switch
        {
            (ArrayType s, ArrayType t) => IsAssignable(s.Element, t.Element),
            (FunctionType s, FunctionType t) => IsFunctionAssignable(s, t),
            // Generic instances only match when identical: `?` inside type arguments is not lenient (§4.3).
            _ => false,
        };
    }

    private static bool IsFunctionAssignable(FunctionType source, FunctionType target)
    {
        if (source.Parameters.Count != target.Parameters.Count) return false;
        if (source.TypeParameters.Count > 0)
        {
            // A generic function fits a concrete function type when its type parameters can be matched.
            var unifier = new TypeUnifier(source.TypeParameters);
            for (var i = 0; i < source.Parameters.Count; i++)
                if (!unifier.Unify(source.Parameters[i], target.Parameters[i])) return false;
            return unifier.Unify(source.Return, target.Return);
        }
        for (var i = 0; i < source.Parameters.Count; i++)
            if (!IsAssignable(source.Parameters[i], target.Parameters[i])) return false;
        return IsAssignable(source.Return, target.Return);
    }

    /// <summary>Whether the two types overlap, the condition for <c>==</c>/<c>!=</c>.</summary>
    public static bool Overlap(AtlasType a, AtlasType b) => IsAssignable(a, b) || IsAssignable(b, a);

    /// <summary>The type of a match after adding an arm of type <paramref name="next"/> (§8.6 "Match type").</summary>
    public static AtlasType Widen(AtlasType current, AtlasType next)
    {
        if (next.IsUnknown) return current;
        if (current.IsUnknown) return next;
        if (current.SameAs(next)) return current;
        if (current is ArrayType ca && next is ArrayType na) return new ArrayType(Widen(ca.Element, na.Element));
        if (IsAssignable(next, current)) return current;
        if (IsAssignable(current, next)) return next;
        var members = new List<AtlasType>();
        foreach (var m in Flatten(current).Concat(Flatten(next)))
            if (!members.Any(existing => existing.SameAs(m))) members.Add(m);
        return new UnionType(members);
    }

    private static IEnumerable<AtlasType> Flatten(AtlasType t) => t is UnionType u ? u.Members : [t];

    /// <summary>
    /// Copy types of §7 (AT2013): primitives, arrays, function types (json too, which resolves to <c>?</c> here).
    /// Option/Result/HashMap/HashSet/Array&lt;T&gt; instances, type parameters and unions are not Copy.
    /// </summary>
    public static bool IsCopy(AtlasType t) => t is PrimitiveType or ArrayType or FunctionType;

    public static bool IsGeneric(AtlasType t, string name, int arity) => t is GenericType g && g.Name == name && g.Args.Count == arity;
}
