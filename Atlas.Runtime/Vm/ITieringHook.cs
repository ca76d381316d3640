using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>
/// The VM's hook for a JIT (implemented in Atlas.Jit; Atlas.Runtime never references it). The VM counts calls per
/// prototype; when the count reaches <see cref="Threshold"/> it calls <see cref="OnHot"/>, which may install a
/// delegate in <see cref="FunctionProto.Compiled"/> (used from that call on) or set <see cref="FunctionProto.JitRejected"/>.
/// </summary>
public interface ITieringHook
{
    int Threshold { get; }
    void OnHot(FunctionProto proto, Interpreter vm);
}
