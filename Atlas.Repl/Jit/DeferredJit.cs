using Atlas.Bytecode;
using Atlas.Jit;
using Atlas.Vm;

namespace Atlas.Repl.Jit;

/// <summary>
/// The tiering hook of <c>atlas run</c>: the <see cref="JitEngine"/> is built when a function or a loop first gets hot, and
/// only then does the VM arm the limits timer that compiled code waits for (<see cref="Interpreter.TieringStarted"/>). Most
/// programs never get hot; they pay neither (about 1 ms and 5–8 ms of the main thread; docs/jit.md, "Start-up warm-up").
/// </summary>
internal sealed class DeferredJit(JitConfig config) : ITieringHook
{
    private JitEngine? _engine;

    /// <summary>The engine, once something got hot.</summary>
    public JitEngine? Engine => _engine;

    public int Threshold { get; } = JitEngine.ThresholdOf(config);

    public bool Started => _engine != null;

    public void OnHot(FunctionProto proto, Interpreter vm) => Start(vm).OnHot(proto, vm);

    public HotLoopAnswer OnHotLoop(FunctionProto proto, int loopHeader, Interpreter vm) => Start(vm).OnHotLoop(proto, loopHeader, vm);

    private JitEngine Start(Interpreter vm)
    {
        if (_engine is { } engine) return engine;
        vm.TieringStarted();
        return _engine = new JitEngine(config);
    }
}
