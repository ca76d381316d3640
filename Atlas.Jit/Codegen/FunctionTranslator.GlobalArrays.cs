using System.Linq.Expressions;
using Atlas.Bytecode;
using Atlas.Vm;
using static System.Linq.Expressions.Expression;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Global arrays held in locals (docs/jit.md, "Global arrays"): a global whose elements this function reads or writes in
/// place (<see cref="GlobalElementReads"/>, <see cref="GlobalElementWrites"/>) has its array read once into a local at
/// each entry, and again only after an instruction that can put another array there — a call (Atlas code may assign the
/// global) or a store of that global. In between, an element access starts from the local instead of from the VM's
/// global table (its bounds, the value's kind, its payload): the array object a global holds changes only by such a
/// store. What the array holds (its storage, its count, whether it is shared) is read at each access as before.
/// </summary>
internal sealed partial class FunctionTranslator
{
    private Dictionary<int, ParameterExpression>? _globalArrays;

    /// <summary>The local that holds each such global's array, by global slot (none in an inlined copy).</summary>
    private Dictionary<int, ParameterExpression> GlobalArrays => _globalArrays ??= FindGlobalArrays();

    private Dictionary<int, ParameterExpression> FindGlobalArrays()
    {
        var found = new Dictionary<int, ParameterExpression>();
        // An inlined copy has no entry of its own to read them at; it reads the global at each access.
        if (_host != null) return found;
        foreach (int borrowPc in GlobalElementReads.Keys.Concat(GlobalElementWrites.Keys))
        {
            int slot = _proto.Code[borrowPc + 1];
            if (!found.ContainsKey(slot)) found[slot] = Variable(typeof(AtlasArray), $"global{slot}Array");
        }
        return found;
    }

    /// <summary>The local holding global <paramref name="slot"/>'s array, if this function keeps one.</summary>
    private ParameterExpression? GlobalArrayLocal(int slot) => GlobalArrays.GetValueOrDefault(slot);

    /// <summary>Reads every kept global's array into its local: at an entry (the body's or a loop entry's).</summary>
    private IEnumerable<Expression> LoadGlobalArrays() => GlobalArrays.Select(kv => LoadGlobalArray(kv.Key, kv.Value));

    private Expression LoadGlobalArray(int slot, ParameterExpression local) =>
        Assign(local, Call(JitMethods.GlobalArrayOrNone, _vmParam, Constant(slot)));

    /// <summary>
    /// After the instruction at <paramref name="pc"/>: reads again the kept arrays it may have replaced (every one after a
    /// call, the stored one after a SetGlobal).
    /// </summary>
    private void ReloadGlobalArraysAfter(int pc, OpCode op)
    {
        if (GlobalArrays.Count == 0) return;
        if (op is OpCode.Call or OpCode.CallMethod) _code.AddRange(LoadGlobalArrays());
        else if (op == OpCode.SetGlobal && !StoresBackInPlaceWrite(pc) && GlobalArrayLocal(_proto.Code[pc + 1]) is { } local)
            _code.Add(LoadGlobalArray(_proto.Code[pc + 1], local));
    }
}
