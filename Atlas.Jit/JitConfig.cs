using Atlas.Bytecode;

namespace Atlas.Jit;

/// <summary>
/// Settings of the JIT; an embedder passes them to <see cref="Hosting.JitHosting.UseJit(Atlas.Hosting.AtlasOptions, JitConfig)"/>.
/// </summary>
public sealed record JitConfig
{
    /// <summary>
    /// Calls (or loop iterations) after which a function (or loop) is compiled; 1 compiles synchronously on the first call.
    /// </summary>
    public int CompilationThreshold { get; init; } = 1000;
    /// <summary>
    /// Compile on the thread that runs the program, which waits for it (as at threshold 1). Off by default: a hot function
    /// or loop is queued for the background compiler thread and the program keeps running interpreted until its code is
    /// installed, so compilation never pauses it.
    /// </summary>
    public bool Synchronous { get; init; }
    /// <summary>When false the engine never compiles (every function stays interpreted).</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>
    /// Maximum number of compiled functions kept installed; the least recently compiled or looked-up one is evicted beyond it.
    /// </summary>
    public int CacheSizeLimit { get; init; } = 10_000;
    /// <summary>Which expression compiler turns generated code into delegates.</summary>
    public JitBackend Backend { get; init; } = JitBackend.Fast;
    /// <summary>Opcodes the code generator must treat as unsupported (diagnostics and tests of the fallback path).</summary>
    /// <remarks>
    /// Null (the default) disables none: an empty set would still be a generic instantiation over an enum, which
    /// ReadyToRun cannot precompile, and the first compilation in a process would pay the .NET JIT for its lookups.
    /// </remarks>
    internal IReadOnlySet<OpCode>? DisabledOpcodes { get; init; }
    /// <summary>Check every generated tree for shapes FastExpressionCompiler miscompiles before compiling it.</summary>
    public bool VerifyTrees { get; init; } = true;
    /// <summary>
    /// Count every execution of compiled code per function (<see cref="JitEngine.CompiledCallsOf"/>, <c>--jit-stats</c>).
    /// Off by default: compiled code then does no per-call bookkeeping beyond the call protocol's limits.
    /// </summary>
    public bool CountCalls { get; init; }

    /// <summary>
    /// Copy a small recursive function's body into its first self-call site, halving the machine calls of a recursion
    /// (docs/jit.md, "Inlined self-calls"). Off only to compare.
    /// </summary>
    public bool InlineSelfCalls { get; init; } = true;

    /// <summary>
    /// Test the results of <c>+ - *</c> on doubles for AT0007 once per pure run of instructions rather than after each
    /// operator (docs/jit.md, "Deferred finiteness checks"). Off only to compare.
    /// </summary>
    public bool DeferFiniteChecks { get; init; } = true;

    /// <summary>
    /// Speculate that <c>number</c> parameters hold whole numbers (compiled code takes them as <c>long</c>); a function whose
    /// calls then keep being refused is compiled again without it. Off: number parameters are doubles.
    /// </summary>
    public bool WholeNumberParameters { get; init; } = true;
    /// <summary>
    /// Direct calls to functions with small frames test only the call depth, against the VM's
    /// <see cref="Atlas.Vm.Interpreter.SmallFrameCallLimit"/>, which the host lowers to the stack its thread is known to
    /// have (<see cref="Atlas.Vm.Interpreter.StackRoomDepth"/>): no stack-headroom test per call (docs/jit.md, "Stack
    /// headroom"). On for the hosts that run programs on the script threads (the command line, <c>AtlasEngine</c>); a VM
    /// that promises no room sends every such call the slow way, which tests the headroom, so the setting is never unsafe.
    /// </summary>
    internal bool DepthOnlySmallFrameCalls { get; init; }
    /// <summary>True when hot code is compiled on the VM thread: <see cref="Synchronous"/>, or a threshold of 1.</summary>
    internal bool CompilesSynchronously => Synchronous || CompilationThreshold <= 1;
}
