using System.Reflection.Emit;
using Atlas.Jit.Tiering;

namespace Atlas.Jit.Codegen;

/// <summary>
/// The call protocol of compiled code (docs/jit.md, "Call protocol"). A compiled function's typed body is a static
/// <see cref="DynamicMethod"/> <c>(object[] refs, Interpreter vm, FunctionValue callee, params…) → result</c>:
/// <list type="bullet">
/// <item>compiled callers call it with an IL <c>call</c> behind one guard on the callee slot (direct calls);</item>
/// <item>everyone else — the VM, builtins' callbacks, hosts, callers compiled before it — calls the delegate bound to
/// its <c>refs</c>, published in the function's patchable entry (<see cref="PatchableEntry{TDelegate}"/>) and wrapped by the
/// <c>CompiledCode</c> entry that reads arguments off the VM stack.</item>
/// </list>
/// </summary>
internal static class CallProtocol
{
    /// <summary>A new method of the protocol's shape, owned by this module so it may read internal state without checks.</summary>
    public static DynamicMethod NewMethod(string name, Type returnType, IEnumerable<Type> parameters) =>
        new(name, returnType, parameters.ToArray(), typeof(JitFunction).Module, skipVisibility: true)
        {
            // Generated code assigns every variable before reading it (the translator starts each one explicitly), so the
            // IL's zero-initialisation of locals is redundant work in every call's prologue.
            InitLocals = false,
        };
}
