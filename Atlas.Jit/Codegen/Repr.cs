namespace Atlas.Jit.Codegen;

/// <summary>
/// How compiled code holds a local or an operand-stack slot: unboxed <c>double</c> or <c>bool</c> where the bytecode
/// proves the kind, otherwise the VM's tagged <see cref="Atlas.Vm.Value"/>. <see cref="Long"/> is a number that is a
/// whole number of magnitude at most 2^53 and not -0, held in a <c>long</c> (loop counters, indices, sums of those): it
/// converts to <see cref="Double"/> exactly, and the operations that produce it deoptimize rather than leave that range.
/// <see cref="Array"/> is an array held as its <see cref="Atlas.Vm.AtlasArray"/> (a local every store into which is an
/// array, checked where a store's kind is not known): element reads and writes need no kind test and no 24-byte
/// <c>Value</c> copies. <see cref="None"/> is the bottom of the lattice (no store seen yet) during inference.
/// </summary>
internal enum Repr : byte
{
    None,
    Double,
    Long,
    Bool,
    Array,
    Value,
}
