using System.Linq.Expressions;
using System.Reflection;
using Atlas.Bytecode;
using Atlas.Jit.Codegen;

namespace Atlas.Jit.Tiering;

/// <summary>
/// The JIT's record of one prototype: its inferred types and typed-body signature (known before it is compiled, so
/// callers can be compiled against it), the slot its typed body is published in, and counters for the statistics.
/// Public because generated code references it.
/// </summary>
internal sealed class JitFunction
{
    /// <summary>
    /// Above this arity there is no typed body (delegate types stop at 16 parameters, and the body takes three besides
    /// its arguments): arguments stay boxed on the VM stack.
    /// </summary>
    public const int MaxTypedArity = 13;

    internal FunctionProto Proto { get; }
    internal TypeInference Types { get; }
    internal bool HasTypedBody => Proto.Arity <= MaxTypedArity;
    internal Repr[] ParamReprs { get; }
    /// <summary>What the typed body returns (an unboxed double or bool when every return is one).</summary>
    internal Repr ReturnRepr => Types.ReturnRepr;
    /// <summary>
    /// Func&lt;Interpreter, FunctionValue, int depth, params…, result&gt; for a typed body (docs/jit.md, "Call protocol"),
    /// else <see cref="CompiledCode"/>.
    /// </summary>
    internal Type BodyDelegateType { get; }
    /// <summary>
    /// The function's <see cref="PatchableEntry{TDelegate}"/> (of <see cref="BodyDelegateType"/>): holds its typed body's delegate.
    /// </summary>
    internal object PatchableEntry { get; }
    /// <summary>The entry's <see cref="PatchableEntry{TDelegate}.Body"/> field, which call sites read.</summary>
    internal FieldInfo PatchableBody { get; }

    /// <summary>Executions of compiled code for this function (incremented by the compiled body itself).</summary>
    public long Calls;
    private long _argumentFallbacks;
    internal long ArgumentFallbacks => Interlocked.Read(ref _argumentFallbacks);

    internal CompiledCode? Installed { get; set; }
    /// <summary>The direct one-argument entry installed with <see cref="Installed"/> (one-parameter functions).</summary>
    internal CompiledCallback? InstalledCallback { get; set; }
    /// <summary>The compiled typed body as a method compiled callers call directly, with its reference table (null: none).</summary>
    internal System.Reflection.Emit.DynamicMethod? Method { get; private set; }
    internal object[]? MethodRefs { get; private set; }
    /// <summary>Compiled functions whose code calls <see cref="Method"/> directly: invalidating this one invalidates them.</summary>
    internal HashSet<JitFunction> DirectCallers { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Makes (or, with null, withdraws) the method compiled callers may call directly.</summary>
    internal void SetMethod(System.Reflection.Emit.DynamicMethod? method, object[]? refs)
    {
        Method = method;
        MethodRefs = refs;
    }
    /// <summary>On-stack-replacement entries by loop header (null: none possible there).</summary>
    internal LoopEntryTable LoopEntries { get; }
    internal LambdaExpression? BodyTree { get; set; }
    internal LambdaExpression? EntryTree { get; set; }

    private JitFunction(FunctionProto proto, TypeInference types)
    {
        Proto = proto;
        Types = types;
        LoopEntries = new LoopEntryTable(proto.Code.Length);
        // Loops, not LINQ: LINQ over Repr (a value type) is generic code ReadyToRun cannot precompile.
        ParamReprs = new Repr[proto.Arity];
        for (int i = 0; i < ParamReprs.Length; i++) ParamReprs[i] = types.ParamRepr(i);
        if (HasTypedBody)
        {
            var parameters = new List<Type> { typeof(Vm.Interpreter), typeof(Vm.FunctionValue), typeof(int) };
            parameters.AddRange(Reprs.ClrTypes(ParamReprs));
            parameters.Add(Reprs.ClrType(ReturnRepr));
            BodyDelegateType = Expression.GetFuncType(parameters.ToArray());
        }
        else BodyDelegateType = typeof(CompiledCode);
        var entryType = typeof(PatchableEntry<>).MakeGenericType(BodyDelegateType);
        PatchableEntry = Activator.CreateInstance(entryType)!;
        PatchableBody = entryType.GetField(nameof(PatchableEntry<Delegate>.Body))!;
    }

    /// <param name="guessCallee">The function a call site's callee slot probably holds, for typed call results.</param>
    /// <param name="returnOf">What another function's typed body returns, if known.</param>
    /// <param name="globalType">The static type declared for a global slot.</param>
    /// <param name="longParameters">Speculate that number parameters are whole numbers (see <see cref="TypeInference"/>).</param>
    internal static JitResult<JitFunction> Create(FunctionProto proto, JitConfig config,
        Func<SlotInfo, int, FunctionProto?>? guessCallee = null, Func<FunctionProto, Repr?>? returnOf = null,
        Func<int, StaticType>? globalType = null, bool longParameters = false) =>
        TypeInference.Analyze(proto, config.DisabledOpcodes, boxParameters: proto.Arity > MaxTypedArity, guessCallee, returnOf,
            globalType, longParameters)
            .Then(types => JitResult<JitFunction>.Ok(new JitFunction(proto, types)));

    /// <summary>Whether some parameter is speculated to be a whole number (<see cref="Repr.Long"/>).</summary>
    internal bool HasLongParameters => ParamReprs.Contains(Repr.Long);

    /// <summary>
    /// Refused calls (arguments that did not fit) after which a function with whole-number parameters is compiled again
    /// with double ones.
    /// </summary>
    internal const int RefusalsBeforeRespecializing = 16;

    /// <summary>
    /// Called (on the VM thread) when this function's calls have been refused <see cref="RefusalsBeforeRespecializing"/>
    /// times and it speculates on whole-number parameters; set by the engine.
    /// </summary>
    internal Action<JitFunction>? OnRefusedTooOften { get; set; }

    /// <summary>Publishes (or, with null, withdraws) the typed body used by call sites that guessed this function.</summary>
    internal void Publish(Delegate? body) => PatchableBody.SetValue(PatchableEntry, body);

    internal Delegate? Published => (Delegate?)PatchableBody.GetValue(PatchableEntry);

    internal void RecordArgumentFallback()
    {
        if (Interlocked.Increment(ref _argumentFallbacks) == RefusalsBeforeRespecializing && HasLongParameters)
            OnRefusedTooOften?.Invoke(this);
    }

    private long _deoptimizations;
    internal long Deoptimizations => Interlocked.Read(ref _deoptimizations);
    internal void RecordDeoptimization() => Interlocked.Increment(ref _deoptimizations);
}
