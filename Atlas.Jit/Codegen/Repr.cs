namespace Atlas.Jit.Codegen;

/// <summary>
/// How compiled code holds a local or an operand-stack slot: unboxed <c>double</c> or <c>bool</c> where the bytecode
/// proves the kind, otherwise the VM's tagged <see cref="Atlas.Vm.Value"/>. <see cref="None"/> is the bottom of the lattice
/// (no store seen yet) during inference.
/// </summary>
internal enum Repr : byte
{
    None,
    Double,
    Bool,
    Value,
}
