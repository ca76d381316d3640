using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Repl.Repl;

/// <summary>
/// The JIT as the REPL drives it. Program.cs adapts Atlas.Jit's engine to it; tests plug in their own. One instance
/// serves the whole session, so statistics and compiled code outlive single entries.
/// </summary>
internal interface IReplJit
{
    /// <summary>What the interpreter calls when a function gets hot.</summary>
    ITieringHook Hook { get; }

    /// <summary>Calls after which a function is compiled (<c>:jit threshold N</c>).</summary>
    int Threshold { get; set; }

    /// <summary>Drops the compiled code of <paramref name="proto"/> and of any compiled code bound to it.</summary>
    void Invalidate(FunctionProto proto);

    /// <summary>Statistics for <c>:jit</c>, one or more lines.</summary>
    string Stats();

    /// <summary>The compiled form of <paramref name="proto"/> for <c>:disasm</c>, or null when it is not compiled.</summary>
    string? Describe(FunctionProto proto);
}
