using Atlas.Vm;

namespace Atlas.Bytecode;

/// <summary>
/// One compiled Atlas function (or the top-level script): code, constants, frame layout, line table and static types,
/// plus the tiering hook: a call counter and a replaceable compiled entry point.
/// </summary>
internal sealed class FunctionProto
{
    public required string Name { get; init; }
    public required int Arity { get; init; }
    /// <summary>Total frame slots, parameters first.</summary>
    public required int LocalCount { get; init; }
    public required int MaxStack { get; init; }
    public required int[] Code { get; init; }
    public required Value[] Constants { get; init; }
    public required LineTable Lines { get; init; }
    /// <summary>Static type per local slot (parameters first).</summary>
    public required StaticType[] LocalTypes { get; init; }
    public required StaticType ReturnType { get; init; }
    /// <summary>Debug names of local slots (hidden temporaries start with '$').</summary>
    public required string[] LocalNames { get; init; }
    public required string[] UpvalueNames { get; init; }
    public int UpvalueCount => UpvalueNames.Length;
    public bool IsScript { get; init; }
    /// <summary>True when the body assigns an upvalue: each call then works on a private copy of the captures (language.md §5.4).</summary>
    public bool MutatesUpvalues { get; init; }
    /// <summary>Set by the validator; the VM runs only validated prototypes.</summary>
    public bool Validated { get; internal set; }
    /// <summary>
    /// The interpreter's quickened copy of <see cref="Code"/> (Vm.Quickener), built on its first interpreted run. Same
    /// length and offsets; only the dispatch loop reads it.
    /// </summary>
    internal int[]? InterpCode;
    /// <summary>The interpreter's resolved array methods, by the constant index of their name (filled as calls run).</summary>
    internal BuiltinImpl?[]? InterpMethods;

    // ---- tiering hook (read and written by the VM and the JIT) ----

    /// <summary>
    /// Hotness so far: the VM adds one for every call it makes of this prototype and, in the interpreter, for every loop
    /// back-edge; the JIT compiles the function (or the loop) when it reaches the threshold. Compiled code does not count.
    /// </summary>
    public int HotCount;
    /// <summary>The compiled entry, or null to interpret. Swapped atomically by the JIT.</summary>
    public volatile CompiledCode? Compiled;
    /// <summary>
    /// For a compiled function of one parameter, an entry that takes its argument directly (no value-stack traffic):
    /// what builtins' callbacks and hosts use (<see cref="Interpreter.Invoke"/>). Installed and withdrawn with
    /// <see cref="Compiled"/>; null when there is none.
    /// </summary>
    public volatile CompiledCallback? CompiledCallback;
    /// <summary>
    /// Where the function stands with the JIT; the VM asks the JIT about it only while it is <see cref="TierState.Interpreted"/>.
    /// Written by the JIT, from the VM thread or its compiler thread.
    /// </summary>
    public volatile TierState Tier;
    /// <summary>True when the JIT gave up on this prototype, so it is not tried again; setting false makes it a candidate again.</summary>
    public bool JitRejected
    {
        get => Tier == TierState.Rejected;
        set => Tier = value ? TierState.Rejected : TierState.Interpreted;
    }

    public override string ToString() => $"<fn {Name}/{Arity}>";
}

/// <summary>
/// The entry point of a compiled function. Arguments are on <paramref name="vm"/>'s value stack at
/// <c>argBase .. argBase+Arity-1</c>; the callee slot is below them. The result is returned; the caller pops.
/// </summary>
internal delegate Value CompiledCode(Interpreter vm, FunctionValue callee, int argBase);

/// <summary>
/// The entry point of a compiled function of one parameter, with the argument passed directly; the caller has counted
/// the call in <see cref="Interpreter.Depth"/> as for <see cref="CompiledCode"/>.
/// </summary>
internal delegate Value CompiledCallback(Interpreter vm, FunctionValue callee, Value argument);
