using Atlas.Diagnostics;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Tests.Semantics;

/// <summary>Parses and checks a source text for the semantic tests.</summary>
internal static class CheckHelper
{
    public static (CompilationUnit Unit, CheckResult Result) Run(string source)
    {
        var parsed = Parser.Parse(source);
        Assert.IsEmpty(parsed.Diagnostics, "unexpected parse errors: " + string.Join("; ", parsed.Diagnostics));
        return (parsed.Unit, Checker.Check(parsed.Unit));
    }

    public static IReadOnlyList<Diagnostic> Diagnostics(string source) => Run(source).Result.Diagnostics;

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Code}: {d.Message}"));

    public static string Errors(string source) => Format(Diagnostics(source).Where(d => d.IsError));

    public static string Warnings(string source) => Format(Diagnostics(source).Where(d => !d.IsError));

    public static string All(string source) => Format(Diagnostics(source));

    /// <summary>Every node of a given type in the tree, in source order.</summary>
    public static List<T> Find<T>(CompilationUnit unit) where T : SyntaxNode => SyntaxWalker.All(unit).OfType<T>().ToList();

    public static T Single<T>(CompilationUnit unit, Func<T, bool> predicate) where T : SyntaxNode =>
        Find<T>(unit).Single(predicate);
}
