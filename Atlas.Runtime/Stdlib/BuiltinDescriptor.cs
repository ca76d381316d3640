using Atlas.Semantics;
using Atlas.Vm;

namespace Atlas.Stdlib;

/// <summary>
/// A builtin declared once: its name, implementation, static signature (typed prelude only, language.md §14.3;
/// null = untyped, any call checks and yields <c>?</c>) and write-back behaviour. Read by the checker, compiler, VM and JIT.
/// </summary>
internal sealed record BuiltinDescriptor(string Name, BuiltinImpl Impl, FunctionType? Signature, WriteBack WriteBack, string Summary)
{
    /// <summary>The function value programs see (one per builtin, so builtins compare equal to themselves).</summary>
    public Value Value { get; } = Vm.Value.Builtin(new BuiltinFunction(Name, Impl));

    public bool IsPrelude => Signature != null;
}
