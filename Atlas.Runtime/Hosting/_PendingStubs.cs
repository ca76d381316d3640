// Temporary: replaced by the parser/checker branches when they merge.
using Atlas.Diagnostics;
namespace Atlas.Syntax
{
    public sealed record ParseResult(CompilationUnit Unit, IReadOnlyList<Diagnostic> Diagnostics);
    public sealed class Parser { public static ParseResult Parse(string source) => throw new NotImplementedException(); }
}
namespace Atlas.Semantics
{
    public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics);
    public static class Checker { public static CheckResult Check(Atlas.Syntax.CompilationUnit unit) => throw new NotImplementedException(); }
}
namespace Atlas.Diagnostics
{
    public sealed class SourceText
    {
        public SourceText(string text) { Text = text; }
        public string Text { get; }
        public (int Line, int Column) GetLineColumn(int offset) => (1, offset + 1);
        public string GetLineText(int line) => Text;
    }
}
