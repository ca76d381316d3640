using Atlas.Bytecode;
using Atlas.Repl.Repl;
using Atlas.Vm;

namespace Atlas.Tests.Repl;

/// <summary>
/// A stand-in JIT for REPL tests: it compiles nothing, but records which prototypes got hot and which the REPL
/// invalidated, so tests can check the REPL drives a JIT correctly.
/// </summary>
internal sealed class MarkingJit : IReplJit, ITieringHook
{
    private readonly Lock _lock = new();
    public HashSet<FunctionProto> Hot { get; } = new(ReferenceEqualityComparer.Instance);
    public List<FunctionProto> Invalidated { get; } = new();

    public ITieringHook Hook => this;
    public int Threshold { get; set; } = 1;

    public void OnHot(FunctionProto proto, Interpreter vm)
    {
        lock (_lock) Hot.Add(proto);
        // Not compiled: keep it from being reported hot on every later call.
        proto.JitRejected = true;
    }

    public void Invalidate(FunctionProto proto)
    {
        lock (_lock)
        {
            Invalidated.Add(proto);
            Hot.Remove(proto);
        }
        proto.JitRejected = false;
        proto.Compiled = null;
    }

    public string Stats() => $"hot: {Hot.Count}, invalidated: {Invalidated.Count}";

    public string? Describe(FunctionProto proto) => Hot.Contains(proto) ? $"<marked {proto.Name}>" : null;
}
