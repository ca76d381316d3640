using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Hosting;

/// <summary>Source parsed and checked against a session: the unit (null when there are errors) and every diagnostic.</summary>
internal sealed record SourceAnalysis(CompilationUnit? Unit, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Unit != null;
}
