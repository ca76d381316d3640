using Atlas.Bytecode;
using Atlas.Jit.Codegen;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit;

/// <summary>The engine's per-prototype records and the callee guesses their inference and code rely on.</summary>
internal sealed partial class JitEngine
{
    /// <summary>The JIT's record of a prototype, created on first use; null when it cannot be compiled.</summary>
    internal JitFunction? FunctionFor(FunctionProto proto)
    {
        var r = FunctionResult(proto);
        return r.IsSuccess ? r.Value : null;
    }

    private JitResult<JitFunction> FunctionResult(FunctionProto proto)
    {
        if (Functions.TryGetValue(proto, out var r)) return r;
        _creating.Add(proto);
        try
        {
            var globals = Globals(_globals);
            var table = _globalTable;
            r = JitFunction.Create(proto, Config, (slot, argc) => GuessCallee(globals, proto, slot, argc), ReturnOf,
                slot => table?.TypeOf(slot) ?? StaticType.Any,
                longParameters: Config.WholeNumberParameters && !_doubleParameters.Contains(proto));
            if (r.IsSuccess) r.Value.OnRefusedTooOften = Respecialize;
        }
        catch (Exception e)
        {
            // Inference has no known failure mode on validated bytecode; if it ever throws, the function stays interpreted.
            r = JitError.CompilationFailed($"type inference: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _creating.Remove(proto);
        }
        Functions[proto] = r;
        return r;
    }

    /// <summary>Prototypes whose whole-number parameter speculation failed: their number parameters are doubles.</summary>
    private readonly HashSet<FunctionProto> _doubleParameters = new(ReferenceEqualityComparer.Instance);
    private int _respecialized;

    /// <summary>
    /// Drops <paramref name="fn"/>'s whole-number parameter speculation: its calls kept being refused (numbers with a
    /// fraction, say). Every record and all compiled code go — callers' inference and call sites relied on its signature —
    /// and are rebuilt as functions get hot again.
    /// </summary>
    private void Respecialize(JitFunction fn)
    {
        lock (_gate)
        {
            if (!_doubleParameters.Add(fn.Proto)) return;
            _respecialized++;
            foreach (var proto in Cache.Protos.Concat(Functions.Keys).Distinct().ToList()) InvalidateLocked(proto);
            Functions.Clear();
        }
    }

    /// <summary>Prototypes whose inference is running: a call to one of them (mutual recursion) is assumed boxed.</summary>
    private readonly HashSet<FunctionProto> _creating = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The globals of the VM this engine compiles for: inference and call sites consult them to guess callees. On the VM
    /// thread (synchronous mode) the VM's own array; on the compiler thread the copy taken when the job was queued.
    /// </summary>
    private Value[]? _globals;
    /// <summary>The static types of those globals (the VM's table; it only grows, and compiles read slots that existed).</summary>
    private GlobalTable? _globalTable;
    /// <summary>The VM's <see cref="Interpreter.FunctionEpoch"/> when <see cref="_globals"/> was taken.</summary>
    private int? _functionEpoch;

    /// <summary>Compiles from now on against <paramref name="vm"/>'s current globals (synchronous mode: on the VM thread).</summary>
    private void UseGlobalsOf(Interpreter vm)
    {
        _globals = vm.Globals;
        _globalTable = vm.GlobalNames;
        _functionEpoch = vm.FunctionEpoch;
    }

    private Repr? ReturnOf(FunctionProto callee)
    {
        if (_creating.Contains(callee)) return null;
        var r = FunctionResult(callee);
        return r.IsSuccess && r.Value.HasTypedBody ? r.Value.ReturnRepr : null;
    }

    /// <summary>The function a callee slot probably holds: the current value of its global, or its constant.</summary>
    internal static FunctionProto? GuessCallee(Func<int, Value?> globals, FunctionProto caller, SlotInfo callee, int argc)
    {
        Value value;
        if (callee.IsGlobal && globals(callee.Source) is { } current) value = current;
        else if (callee.IsConstant) value = caller.Constants[callee.Source - SlotInfo.ConstantBase];
        else return null;
        if (value.Kind != ValueKind.Function) return null;
        var proto = value.AsFunction.Proto;
        return proto.Arity == argc && !proto.JitRejected && proto.Validated ? proto : null;
    }

    /// <summary>
    /// Top-level function values by global slot, learned from a script without running it (see <see cref="DescribeTree"/>).
    /// </summary>
    private Dictionary<int, Value> FunctionGlobals => _functionGlobalTable ??= new();
    private Dictionary<int, Value>? _functionGlobalTable;

    /// <summary>
    /// How call sites see globals: the VM's current values, or without a VM what the script's hoisted function definitions store.
    /// </summary>
    private Func<int, Value?> Globals(Value[]? values) => values != null
        ? slot => slot < values.Length ? values[slot] : null
        : slot => FunctionGlobals.TryGetValue(slot, out var v) ? v : null;

    /// <summary>Records the <c>Constant fn; SetGlobal g</c> pairs with which a script defines its top-level functions.</summary>
    private void LearnFunctionGlobals(FunctionProto script)
    {
        var code = script.Code;
        for (int pc = 0; pc + 2 < code.Length && (OpCode)code[pc] == OpCode.Constant && (OpCode)code[pc + 2] == OpCode.SetGlobal; pc += 5)
        {
            var value = script.Constants[code[pc + 1]];
            if (value.Kind == ValueKind.Function) FunctionGlobals[code[pc + 3]] = value;
            if ((OpCode)code[pc + 4] != OpCode.Pop) break;
        }
    }
}
