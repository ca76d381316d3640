using System.Diagnostics;
using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Jit;

/// <summary>
/// The engine as the VM's tiering hook: a hot function or loop is queued for the compiler thread (background mode) or
/// compiled at once on the VM thread (synchronous mode: <see cref="JitConfig.Synchronous"/> or threshold 1).
/// </summary>
internal sealed partial class JitEngine
{
    /// <inheritdoc />
    public void OnHot(FunctionProto proto, Interpreter vm)
    {
        if (!Config.Enabled || proto.Compiled != null || proto.Tier != TierState.Interpreted) return;
        if (!Config.CompilesSynchronously)
        {
            Enqueue(proto, null, vm);
            return;
        }
        long waitStart = Stopwatch.GetTimestamp();
        lock (_gate) InstallOrReject(proto, vm);
        Queue.RecordVmWait(Stopwatch.GetElapsedTime(waitStart));
    }

    /// <summary>Compiles and installs <paramref name="proto"/> now (under the lock); a failure of any kind rejects it.</summary>
    private void InstallOrReject(FunctionProto proto, Interpreter? vm)
    {
        try
        {
            Install(proto, vm);
        }
        catch (Exception e)
        {
            // Never let a JIT problem reach the program: it keeps running interpreted.
            proto.JitRejected = true;
            Reject(proto.Name, JitError.CompilationFailed($"{e.GetType().Name}: {e.Message}"));
        }
    }

    /// <inheritdoc />
    public HotLoopAnswer OnHotLoop(FunctionProto proto, int loopHeader, Interpreter vm)
    {
        if (!Config.Enabled || proto.Tier == TierState.Rejected) return HotLoopAnswer.Never;
        if (!Config.CompilesSynchronously)
        {
            // A finished entry (or a refusal: null) is published in the function's record; otherwise compile it. While
            // another of the function's compilations is queued, entries already compiled are still used (a loop entry
            // that gave the frame back at an enclosing loop's back-edge keeps running its own loop meanwhile).
            if (Functions.TryGetValue(proto, out var known) && known.IsSuccess
                && known.Value.LoopEntries.TryGetValue(loopHeader, out var entry))
                return entry != null ? HotLoopAnswer.Enter(entry) : HotLoopAnswer.Never;
            // Decided here, from what this call saw: the job may finish (and the state leave Queued) before the VM looks.
            if (proto.Tier == TierState.Queued) return HotLoopAnswer.Later;
            return Enqueue(proto, HeaderToCompile(proto, loopHeader, known), vm) ? HotLoopAnswer.Later : HotLoopAnswer.Never;
        }
        if (proto.Tier != TierState.Interpreted) return proto.Tier == TierState.Queued ? HotLoopAnswer.Later : HotLoopAnswer.Never;
        long waitStart = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            try
            {
                UseGlobalsOf(vm);
                return LoopEntry(proto, loopHeader) is { } entry ? HotLoopAnswer.Enter(entry) : HotLoopAnswer.Never;
            }
            finally
            {
                Queue.RecordVmWait(Stopwatch.GetElapsedTime(waitStart));
            }
        }
    }

    /// <summary>
    /// The loop whose entry a hot back-edge to <paramref name="loopHeader"/> queues: the outermost loop around it first, unless
    /// that one already has an entry or a refusal. The hot loop is usually the innermost, and an entry there gives the frame
    /// back at the outermost loop's back-edge, which then waits for a second compilation (nbody: 35–43 ms each, one after
    /// the other); the interpreter reaches that back-edge within one iteration of the outer loop, so its entry is the one
    /// the program needs first. A frame still in the inner loop after that queues the inner loop's own entry.
    /// </summary>
    private int HeaderToCompile(FunctionProto proto, int loopHeader, JitResult<Tiering.JitFunction>? known)
    {
        int outer = Tiering.LoopNest.OutermostHeaderAround(proto, loopHeader);
        if (outer == loopHeader || known is { IsSuccess: true } && known.Value.LoopEntries.ContainsKey(outer)) return loopHeader;
        return outer;
    }

    /// <summary>
    /// The loop entry of <paramref name="proto"/> at <paramref name="loopHeader"/>, compiled now if needed (under the lock).
    /// </summary>
    private CompiledCode? LoopEntry(FunctionProto proto, int loopHeader)
    {
        // Only the loop is compiled: a function whose loop gets hot is often called once (a script's main routine),
        // and compiling its whole body as well doubled the pause. If it is called again it gets hot and compiled then.
        var created = FunctionResult(proto);
        if (!created.IsSuccess || Config.CacheSizeLimit <= 0)
        {
            InstallOrReject(proto, null); // rejects it, with the reason
            return null;
        }
        var fn = created.Value;
        if (fn.LoopEntries.TryGetValue(loopHeader, out var known)) return known;
        var result = CompileLoopEntry(fn, loopHeader);
        if (result.IsSuccess) return CommitLoopEntry(result.Value);
        fn.LoopEntries[loopHeader] = null;
        Reject(proto.Name + $" (loop at {loopHeader:D4})", result.Error);
        return null;
    }

    /// <summary>For hosts that count calls themselves: records a call and compiles once the function is hot.</summary>
    public void OnCall(FunctionProto proto, Interpreter vm)
    {
        Tracker.RecordCall(proto);
        if (Config.Enabled && Tracker.ShouldCompile(proto))
            lock (_gate) Install(proto, vm);
    }

    /// <summary>Compiles <paramref name="proto"/> now and installs it, or rejects it (under the lock).</summary>
    private void Install(FunctionProto proto, Interpreter? vm)
    {
        if (!Config.Enabled || proto.Compiled != null || proto.JitRejected) return;
        var result = TryCompile(proto, vm);
        if (result.IsSuccess)
        {
            // The direct one-argument entry first: a reader that sees Compiled may take it.
            proto.CompiledCallback = FunctionFor(proto)?.InstalledCallback;
            proto.Compiled = result.Value;
        }
        else
        {
            proto.JitRejected = true;
            Reject(proto.Name, result.Error);
        }
    }
}
