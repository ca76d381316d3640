using Atlas.Bytecode;
using Atlas.Jit;
using Atlas.Repl.Repl;
using Atlas.Vm;

namespace Atlas.Repl.Jit;

/// <summary>
/// Atlas.Jit's engine as the REPL's JIT. The adapter is the tiering hook itself so that <c>:jit threshold N</c> can
/// change when functions count as hot during a session (the engine's own threshold is fixed at construction); the
/// engine still decides what it can compile and keeps its statistics and code cache for the whole session.
/// </summary>
internal sealed class EngineReplJit(JitEngine engine, int threshold) : IReplJit, ITieringHook
{
    public JitEngine Engine { get; } = engine;

    public ITieringHook Hook => this;

    public int Threshold { get; set; } = Math.Max(1, threshold);

    public void OnHot(FunctionProto proto, Interpreter vm) => Engine.OnHot(proto, vm);

    public HotLoopAnswer OnHotLoop(FunctionProto proto, int loopHeader, Interpreter vm) => Engine.OnHotLoop(proto, loopHeader, vm);

    public void Invalidate(FunctionProto proto) => Engine.Invalidate(proto);

    public string Stats() => Engine.Stats.Format();

    public string? Describe(FunctionProto proto) => proto.Compiled == null ? null : Engine.DescribeTree(proto);
}
