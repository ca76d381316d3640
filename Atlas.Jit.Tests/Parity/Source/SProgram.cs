namespace Atlas.Jit.Tests.TierParity.Source;

/// <summary>A random Atlas program: global declarations first (functions may read them), then functions, then top-level statements.</summary>
public sealed record SProgram(SStmt[] Globals, SFunc[] Funcs, SStmt[] Top)
{
    public string Source => SourcePrinter.Program(this);

    public override string ToString() => Source;
}
