using Atlas.Semantics;
using Atlas.Stdlib;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Analysis;

/// <summary>
/// How a symbol is shown to the user: a one-line declaration (<c>fn area(w: number, h: number) -> number</c>,
/// <c>let total: number</c>) and, for builtins, the one-line description from the registry that docs/stdlib.md is
/// checked against. Hover, completion and signature help all read it here.
/// </summary>
internal sealed record CallableSignature(string Label, IReadOnlyList<string> Parameters, string? Summary)
{
    public static CallableSignature Of(Symbol symbol) => symbol.Kind switch
    {
        SymbolKind.Builtin => Builtin(symbol),
        SymbolKind.Function or SymbolKind.NestedFunction when symbol.Declaration is { } fn => Declared(fn, symbol.Type),
        SymbolKind.Parameter => new($"(parameter) {symbol.Name}: {symbol.Type.Display}", ParametersOf(symbol.Type), null),
        _ => new($"{(symbol.Mutable ? "var" : "let")} {symbol.Name}: {symbol.Type.Display}", ParametersOf(symbol.Type), null),
    };

    /// <summary>An array method (<c>xs.push(x)</c>): its parameters and result, and the builtin it stands for.</summary>
    public static CallableSignature Of(ArrayMethod method)
    {
        var parameters = Unnamed(method.Parameters);
        var summary = BuiltinRegistry.TryGet(method.Builtin, out var d) ? d.Summary : null;
        return new($"{method.Name}({string.Join(", ", parameters)}) -> {method.Result.Display}", parameters, summary);
    }

    public bool IsCallable => Parameters.Count > 0 || Label.Contains('(', StringComparison.Ordinal);

    private static CallableSignature Builtin(Symbol symbol)
    {
        BuiltinRegistry.TryGet(symbol.Name, out var descriptor);
        if (BuiltinSymbols.ConstantSymbols.ContainsKey(symbol.Name))
            return new($"const {symbol.Name}: number", [], "Math constant");
        if (symbol.Type is FunctionType f)
        {
            var parameters = Unnamed(f.Parameters);
            var label = $"fn {symbol.Name}{TypeParams(f)}({string.Join(", ", parameters)}) -> {f.Return.Display}";
            return new(label, parameters, descriptor?.Summary);
        }
        // Untyped builtins are checked at run time (language.md §14.3): the arity is not known statically.
        return new($"fn {symbol.Name}(…)", ["…"], descriptor?.Summary);
    }

    private static CallableSignature Declared(FnDecl fn, AtlasType type)
    {
        var f = type as FunctionType;
        var parameters = fn.Params
            .Select((p, i) => $"{p.Name}: {(f is not null && i < f.Parameters.Count ? f.Parameters[i].Display : "?")}")
            .ToList();
        var typeParams = fn.TypeParams.Count > 0 ? $"<{string.Join(", ", fn.TypeParams)}>" : "";
        var result = f?.Return.Display ?? fn.ResolvedReturnType?.Display ?? "?";
        return new($"fn {fn.Name}{typeParams}({string.Join(", ", parameters)}) -> {result}", parameters, null);
    }

    private static List<string> ParametersOf(AtlasType type) => type is FunctionType f ? Unnamed(f.Parameters) : [];

    /// <summary>Labels for parameters known only by type (builtins, function-typed values).</summary>
    private static List<string> Unnamed(IEnumerable<AtlasType> types) => types.Select((t, i) => $"arg{i + 1}: {t.Display}").ToList();

    private static string TypeParams(FunctionType f) =>
        f.TypeParameters.Count > 0 ? $"<{string.Join(", ", f.TypeParameters.Select(t => t.Display))}>" : "";
}
