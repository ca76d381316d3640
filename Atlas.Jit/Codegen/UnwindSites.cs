using System.Runtime.CompilerServices;
using Atlas.Bytecode;

namespace Atlas.Jit.Codegen;

/// <summary>
/// Numbers for the prototypes compiled code runs, so that a compiled frame's fault handler names its function with an
/// integer constant (docs/jit.md, "Errors, call stacks and recursion"). A handler that read the prototype from the
/// method's reference table or the VM would keep those live into the handler: the .NET JIT then holds them in memory
/// for the whole body and reloads them after every call.
/// </summary>
internal static class UnwindSites
{
    private static readonly object Gate = new();
    // Weak: a prototype whose code is gone (a REPL redefinition, a finished script) is not kept alive by its number.
    private static readonly List<WeakReference<FunctionProto>> Protos = new();
    private static readonly ConditionalWeakTable<FunctionProto, StrongBox<int>> Ids = new();

    /// <summary>The number of <paramref name="proto"/> (the same one each time it is asked).</summary>
    public static int IdOf(FunctionProto proto)
    {
        lock (Gate)
        {
            if (Ids.TryGetValue(proto, out var known)) return known.Value;
            Protos.Add(new WeakReference<FunctionProto>(proto));
            var id = Protos.Count - 1;
            Ids.Add(proto, new StrongBox<int>(id));
            return id;
        }
    }

    /// <summary>
    /// The prototype numbered <paramref name="id"/>: alive whenever its code runs, since that code's reference table holds it.
    /// </summary>
    public static FunctionProto ProtoOf(int id)
    {
        lock (Gate)
        {
            return Protos[id].TryGetTarget(out var proto)
                ? proto
                : throw new InvalidOperationException($"unwind site {id}: its prototype was collected while its code ran");
        }
    }
}
