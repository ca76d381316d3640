using Atlas.Diagnostics;

namespace Atlas.Syntax;

/// <summary>Output of <see cref="Parser.Parse"/>: the (possibly partial) tree and every lexer or parser diagnostic.</summary>
internal sealed record ParseResult(CompilationUnit Unit, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
