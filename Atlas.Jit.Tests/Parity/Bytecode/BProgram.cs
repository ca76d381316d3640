namespace Atlas.Jit.Tests.TierParity.Bytecode;

/// <summary>
/// A generated program: functions (function i only calls functions after it, or itself through a guarded depth),
/// data globals (the first <see cref="DefinedGlobals"/> are set before the script body runs, the others only by
/// assignments, so reading one early is AT0002), and the top-level script.
/// </summary>
public sealed record BProgram(BFunc[] Funcs, BType[] Globals, int DefinedGlobals, BFunc Script)
{
    /// <summary>Global slot holding function <paramref name="f"/> (closures have none, but keep their slot unused).</summary>
    public int FunctionGlobal(int f) => Globals.Length + f;

    public override string ToString() => BytecodePrinter.Program(this);
}
