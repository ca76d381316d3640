using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Jit.Tests.TierParity.Mutation;

/// <summary>
/// Copies a compiled program with some prototypes replaced. Prototypes refer to each other only through function
/// constants (a parent to its nested functions, the script to top-level functions), so rewriting children before the
/// constants that hold them keeps every reference pointing into the new program.
/// </summary>
internal static class ProtoRewriter
{
    /// <param name="rewrite">Gets each prototype's index in <see cref="CompiledProgram.Functions"/> and a copy whose constants already
    /// point at rewritten children.</param>
    public static CompiledProgram Rewrite(CompiledProgram program, Func<int, FunctionProto, FunctionProto> rewrite)
    {
        var index = new Dictionary<FunctionProto, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < program.Functions.Count; i++) index.TryAdd(program.Functions[i], i);
        var done = new Dictionary<FunctionProto, FunctionProto>(ReferenceEqualityComparer.Instance);
        var inProgress = new HashSet<FunctionProto>(ReferenceEqualityComparer.Instance);

        FunctionProto Visit(FunctionProto old)
        {
            if (done.TryGetValue(old, out var ready)) return ready;
            if (!inProgress.Add(old)) throw new InvalidOperationException($"{old.Name} refers to itself through constants");
            var constants = old.Constants.Select(c => c.Kind == ValueKind.Function && index.ContainsKey(c.AsFunction.Proto)
                ? Value.Function(new FunctionValue(Visit(c.AsFunction.Proto), c.AsFunction.Upvalues))
                : c).ToArray();
            var copy = Copy(old, constants);
            var result = rewrite(index[old], copy);
            done[old] = result;
            return result;
        }

        var functions = program.Functions.Select(Visit).ToList();
        return new CompiledProgram(functions[0], functions, program.Globals);
    }

    /// <summary>A fresh, unvalidated copy of a prototype with the given fields changed.</summary>
    public static FunctionProto Copy(FunctionProto p, Value[]? constants = null, int[]? code = null, int? arity = null,
        int? localCount = null, int? maxStack = null, StaticType[]? localTypes = null, string[]? localNames = null, bool? mutatesUpvalues = null) => new()
    {
        Name = p.Name,
        Arity = arity ?? p.Arity,
        LocalCount = localCount ?? p.LocalCount,
        MaxStack = maxStack ?? p.MaxStack,
        Code = code ?? (int[])p.Code.Clone(),
        Constants = constants ?? (Value[])p.Constants.Clone(),
        Lines = p.Lines,
        LocalTypes = localTypes ?? (StaticType[])p.LocalTypes.Clone(),
        ReturnType = p.ReturnType,
        LocalNames = localNames ?? p.LocalNames,
        UpvalueNames = p.UpvalueNames,
        IsScript = p.IsScript,
        MutatesUpvalues = mutatesUpvalues ?? p.MutatesUpvalues,
    };
}
