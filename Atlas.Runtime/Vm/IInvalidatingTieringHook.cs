using Atlas.Bytecode;

namespace Atlas.Vm;

/// <summary>
/// A tiering hook that can drop compiled code. A host session calls it for every function a new definition replaces,
/// so the replaced code, which can never run again, does not stay installed.
/// </summary>
internal interface IInvalidatingTieringHook : ITieringHook
{
    /// <summary>Drops the compiled code of <paramref name="proto"/> and of any compiled code bound to it.</summary>
    void Invalidate(FunctionProto proto);
}
