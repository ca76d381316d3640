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

    /// <summary>Bit i set: argument i is only read by the call (<see cref="BorrowedArguments"/>).</summary>
    public int Borrowed { get; } = BorrowedArguments.Of(Name);

    /// <summary>Whether argument <paramref name="position"/> is only read by the call.</summary>
    public bool Borrows(int position) => position < 31 && (Borrowed >> position & 1) != 0;
}
