using Atlas.Bytecode;
using Atlas.Diagnostics;

namespace Atlas.Hosting;

/// <summary>The result of compiling source text: the program (null when there were errors) and every diagnostic.</summary>
internal sealed record CompileOutcome(CompiledProgram? Program, IReadOnlyList<Diagnostic> Diagnostics, Syntax.CompilationUnit? Unit)
{
    public bool Success => Program != null;
    public bool HasWarnings => Diagnostics.Any(d => !d.IsError);
}
