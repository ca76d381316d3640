using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Jit.Tiering;

/// <summary>
/// One compilation queued for the compiler thread: a function (<see cref="LoopHeader"/> null) or the on-stack-replacement
/// entry of one of its loops. It carries what it needs from the VM thread, taken when it was queued: the engine's epoch
/// (a job whose epoch is no longer current is not installed: something it may rely on was invalidated) and a copy of the
/// globals, from which call sites guess their callees (the VM thread keeps writing its own array), with their static types
/// and the VM's <see cref="Interpreter.FunctionEpoch"/> at that moment.
/// </summary>
internal sealed record CompileJob(FunctionProto Proto, int? LoopHeader, long Epoch, Value[] Globals, GlobalTable? GlobalTypes,
    int FunctionEpoch, long QueuedAt)
{
    /// <summary>How statistics and rejections name the job's code.</summary>
    public string What => LoopHeader is int header ? $"{Proto.Name} (loop at {header:D4})" : Proto.Name;

    /// <summary>Set when the job ends (installed, refused, discarded as stale, or failed): tests wait on it.</summary>
    public ManualResetEventSlim Done { get; } = new();

    /// <summary>How the job ended; meaningful once <see cref="Done"/> is set.</summary>
    public CompileJobOutcome Outcome { get; set; }
}
