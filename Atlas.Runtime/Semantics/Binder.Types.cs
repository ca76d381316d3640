using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>Resolution of written types (language.md §4.1): primitives, arrays, function types, built-in generics, type parameters, aliases.</summary>
internal sealed partial class Binder
{
    private static readonly Dictionary<string, int> GenericArity = new(StringComparer.Ordinal)
    {
        ["Option"] = 1, ["Result"] = 2, ["Array"] = 1, ["HashMap"] = 2, ["HashSet"] = 1,
    };

    private static readonly Dictionary<string, AtlasType> PrimitiveNames = new(StringComparer.Ordinal)
    {
        ["number"] = AtlasType.Number, ["string"] = AtlasType.String, ["bool"] = AtlasType.Bool,
        ["null"] = AtlasType.Null, ["void"] = AtlasType.Void,
    };

    /// <summary>Each written type is resolved once, so its diagnostics are reported once even when it is looked at twice.</summary>
    private readonly Dictionary<TypeSyntax, AtlasType> resolvedTypes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, TypeAliasDecl> aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AtlasType> aliasTargets = new(StringComparer.Ordinal);
    private readonly HashSet<string> aliasesInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<FnDecl, Dictionary<string, TypeParameterType>> typeParametersOf = new(ReferenceEqualityComparer.Instance);
    /// <summary>Type parameters in scope, innermost function last (a nested function sees its parents' parameters).</summary>
    private readonly List<Dictionary<string, TypeParameterType>> typeParameterScopes = [];

    /// <summary>Aliases are transparent and usable anywhere in the file; resolve them up front in source order.</summary>
    private void CollectAliases(CompilationUnit unit)
    {
        foreach (var item in unit.Items)
            if (item is TypeAliasDecl alias) aliases.TryAdd(alias.Name, alias);
        foreach (var item in unit.Items)
            if (item is TypeAliasDecl alias)
            {
                if (ReferenceEquals(aliases[alias.Name], alias)) alias.ResolvedTarget = ResolveAlias(alias.Name);
                else ResolveType(alias.Target); // a duplicate alias (Tier 2 error) still gets its own diagnostics
            }
    }

    private AtlasType ResolveAlias(string name)
    {
        if (aliasTargets.TryGetValue(name, out var done)) return done;
        // A circular alias is a Tier 2 error; treat it as unknown rather than loop.
        if (!aliasesInProgress.Add(name)) return AtlasType.Unknown;
        // Alias targets never see the type parameters of the function that happens to mention the alias.
        var savedScopes = typeParameterScopes.ToList();
        typeParameterScopes.Clear();
        var target = ResolveType(aliases[name].Target);
        typeParameterScopes.AddRange(savedScopes);
        aliasesInProgress.Remove(name);
        aliasTargets[name] = target;
        return target;
    }

    private FunctionType ResolveSignature(FnDecl fn)
    {
        var parameters = new Dictionary<string, TypeParameterType>(StringComparer.Ordinal);
        var ordered = new List<TypeParameterType>();
        foreach (var name in fn.TypeParams)
        {
            if (parameters.ContainsKey(name))
            {
                Report(DiagnosticId.DuplicateTypeParameter, fn.NameSpan, name);
                continue;
            }
            var tp = new TypeParameterType(name);
            parameters[name] = tp;
            ordered.Add(tp);
        }
        typeParametersOf[fn] = parameters;
        typeParameterScopes.Add(parameters);
        try
        {
            var paramTypes = fn.Params.Select(p => ResolveType(p.Type)).ToList();
            var returnType = fn.ReturnType is null ? AtlasType.Null : ResolveType(fn.ReturnType);
            fn.ResolvedReturnType = returnType;
            return new FunctionType(paramTypes, returnType, ordered);
        }
        finally { typeParameterScopes.RemoveAt(typeParameterScopes.Count - 1); }
    }

    private void PushTypeParameters(FnDecl fn)
    {
        if (!typeParametersOf.TryGetValue(fn, out var parameters))
        {
            ResolveSignature(fn);
            parameters = typeParametersOf[fn];
        }
        typeParameterScopes.Add(parameters);
    }

    private void PopTypeParameters() => typeParameterScopes.RemoveAt(typeParameterScopes.Count - 1);

    private AtlasType ResolveType(TypeSyntax syntax)
    {
        if (resolvedTypes.TryGetValue(syntax, out var cached)) return cached;
        var type = syntax switch
        {
            NamedTypeSyntax n => ResolveNamed(n),
            ArrayTypeSyntax a => new ArrayType(ResolveType(a.Element)),
            FunctionTypeSyntax f => new FunctionType(f.Params.Select(ResolveType).ToList(), ResolveType(f.Return)),
            // The parser has already reported Tier 2 type forms (AT1006).
            UnsupportedTypeSyntax => AtlasType.Unknown,
            _ => AtlasType.Unknown,
        };
        if (type.Depth > AtlasType.MaxDepth)
        {
            Report(DiagnosticId.TypeTooDeep, syntax.Span, AtlasType.MaxDepth);
            type = AtlasType.Unknown;
        }
        resolvedTypes[syntax] = type;
        return type;
    }

    private AtlasType ResolveNamed(NamedTypeSyntax n)
    {
        if (n.TypeArgs.Count == 0)
        {
            if (PrimitiveNames.TryGetValue(n.Name, out var primitive)) return primitive;
            for (var i = typeParameterScopes.Count - 1; i >= 0; i--)
                if (typeParameterScopes[i].TryGetValue(n.Name, out var tp)) return tp;
            if (aliases.ContainsKey(n.Name)) return ResolveAlias(n.Name);
            if (session is not null && session.Aliases.TryGetValue(n.Name, out var earlier)) return earlier;
            // REF-QUIRK (§4.1): any other plain name, including Queue, Stack, json and typos, is silently unknown.
            return AtlasType.Unknown;
        }
        if (!GenericArity.TryGetValue(n.Name, out var arity))
        {
            Report(DiagnosticId.UnknownGenericType, n.Span, n.Name);
            return AtlasType.Unknown;
        }
        if (n.TypeArgs.Count != arity)
        {
            Report(DiagnosticId.GenericArity, n.Span, n.Name, arity, n.TypeArgs.Count);
            return AtlasType.Unknown;
        }
        return new GenericType(n.Name, n.TypeArgs.Select(ResolveType).ToList());
    }
}
