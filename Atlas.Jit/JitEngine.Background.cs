using Atlas.Bytecode;
using Atlas.Jit.Tiering;
using Atlas.Vm;

namespace Atlas.Jit;

/// <summary>
/// Background compilation (docs/jit.md, "Background compilation"). The VM thread queues a hot function or loop (the
/// prototype goes <see cref="TierState.Queued"/>) and keeps interpreting; the compiler thread builds the code under the
/// engine's lock, releases it, then takes it again to install — unless the engine's epoch moved in between (an
/// invalidation or eviction: the code may rely on what was dropped), in which case the build is discarded.
/// </summary>
internal sealed partial class JitEngine
{
    /// <summary>Bumped by every uninstall; a job built against an older epoch is not installed.</summary>
    private long _epoch;

    /// <summary>Jobs of this engine queued or running (tests wait for zero).</summary>
    private int _pendingJobs;

    /// <summary>Guards the queued-job table and <see cref="FunctionProto.Tier"/> transitions; held for a few instructions only.</summary>
    private readonly Lock _queueGate = new();
    private readonly Dictionary<FunctionProto, CompileJob> _inFlight = new(ReferenceEqualityComparer.Instance);

    /// <summary>The background compilation's figures.</summary>
    internal CompileQueueStats Queue { get; } = new();

    /// <summary>
    /// Test hook: runs on the compiler thread after a job's code is built and before it is installed, outside the engine's
    /// lock (so a test can redefine or invalidate there and check that the build is then discarded).
    /// </summary>
    internal Action<CompileJob>? BeforeInstall { get; set; }

    /// <summary>Called for every job as it is queued (tests keep them to wait on).</summary>
    internal Action<CompileJob>? OnQueued { get; set; }

    /// <summary>Waits until none of this engine's jobs is queued or running; false on timeout.</summary>
    internal bool WaitForBackgroundCompiles(TimeSpan timeout) => SpinWait.SpinUntil(() => Volatile.Read(ref _pendingJobs) == 0, timeout);

    /// <summary>Queues <paramref name="proto"/> (or its loop at <paramref name="loopHeader"/>) for the compiler thread.</summary>
    private bool Enqueue(FunctionProto proto, int? loopHeader, Interpreter vm)
    {
        var job = new CompileJob(proto, loopHeader, Volatile.Read(ref _epoch), (Value[])vm.Globals.Clone(), vm.GlobalNames,
            vm.FunctionEpoch,
            System.Diagnostics.Stopwatch.GetTimestamp());
        lock (_queueGate)
        {
            // Another interpreter of the same program queued it first (Queued), or it was given up (Rejected).
            if (proto.Tier != TierState.Interpreted) return proto.Tier == TierState.Queued;
            _inFlight[proto] = job;
            proto.Tier = TierState.Queued;
        }
        Interlocked.Increment(ref _pendingJobs);
        Queue.RecordQueued();
        CompilerThread.Post(() => Run(job));
        OnQueued?.Invoke(job);
        return true;
    }

    /// <summary>The compiler thread's work for one job. Never throws: whatever happens, the function stays runnable.</summary>
    private void Run(CompileJob job)
    {
        var outcome = CompileJobOutcome.Crashed;
        try
        {
            outcome = Compile(job);
        }
        catch (Exception e)
        {
            lock (_gate) Reject(job.What, JitError.CompilationFailed($"compiler thread: {e.GetType().Name}: {e.Message}"));
        }
        finally
        {
            // A crash leaves the function interpreted for good (like a refusal); a stale build lets it be queued again.
            Finish(job, outcome switch
            {
                CompileJobOutcome.Installed or CompileJobOutcome.Stale => TierState.Interpreted,
                CompileJobOutcome.Refused when job.LoopHeader != null => TierState.Interpreted,
                CompileJobOutcome.Refused when job.Proto.Compiled != null => TierState.Interpreted,
                _ => TierState.Rejected,
            });
            Queue.RecordEnd(outcome);
            job.Outcome = outcome;
            Interlocked.Decrement(ref _pendingJobs);
            job.Done.Set();
        }
    }

    /// <summary>Builds the job's code under the lock, lets the test hook run, and installs it under the lock if still current.</summary>
    private CompileJobOutcome Compile(CompileJob job)
    {
        var proto = job.Proto;
        BuiltFunction? function = null;
        BuiltLoopEntry? loop = null;
        lock (_gate)
        {
            if (job.Epoch != Volatile.Read(ref _epoch)) return CompileJobOutcome.Stale;
            _globals = job.Globals;
            _globalTable = job.GlobalTypes;
            _functionEpoch = job.FunctionEpoch;
            if (job.LoopHeader is int header)
            {
                var result = BuildLoopJob(proto, header);
                if (!result.IsSuccess) return CompileJobOutcome.Refused;
                loop = result.Value;
                if (loop == null) return CompileJobOutcome.Installed; // already there
            }
            else
            {
                if (proto.Compiled != null) return CompileJobOutcome.Installed;
                var built = Build(proto);
                if (!built.IsSuccess)
                {
                    Reject(proto.Name, built.Error);
                    return CompileJobOutcome.Refused;
                }
                function = built.Value;
            }
        }
        BeforeInstall?.Invoke(job);
        lock (_gate)
        {
            if (job.Epoch != Volatile.Read(ref _epoch)) return CompileJobOutcome.Stale;
            if (loop != null) CommitLoopEntry(loop);
            else if (function != null)
            {
                var entry = Commit(function);
                // The direct one-argument entry first: a reader that sees Compiled may take it. Then the one store the
                // VM picks the function up with at its next call.
                proto.CompiledCallback = function.Callback;
                proto.Compiled = entry;
            }
        }
        Queue.RecordInstalled(job.QueuedAt);
        return CompileJobOutcome.Installed;
    }

    /// <summary>
    /// The loop job's entry, built but not published; null when the entry is already known. A failure is recorded (and
    /// published as "no entry here", so the VM stops asking) before it is returned.
    /// </summary>
    private JitResult<BuiltLoopEntry?> BuildLoopJob(FunctionProto proto, int header)
    {
        var created = FunctionResult(proto);
        if (!created.IsSuccess || Config.CacheSizeLimit <= 0)
        {
            InstallOrReject(proto, null); // rejects the function, with the reason (as the synchronous path does)
            return created.IsSuccess ? JitError.CacheFull(Config.CacheSizeLimit) : created.Error;
        }
        var fn = created.Value;
        if (fn.LoopEntries.ContainsKey(header)) return JitResult<BuiltLoopEntry?>.Ok(null);
        var result = CompileLoopEntry(fn, header);
        if (result.IsSuccess) return JitResult<BuiltLoopEntry?>.Ok(result.Value);
        fn.LoopEntries[header] = null;
        Reject(proto.Name + $" (loop at {header:D4})", result.Error);
        return result.Error;
    }

    /// <summary>
    /// Ends <paramref name="job"/>'s hold on its prototype: the state goes to <paramref name="next"/> unless a newer job took over.
    /// </summary>
    private void Finish(CompileJob job, TierState next)
    {
        // Under the engine's lock too: an invalidation (which makes the prototype a candidate again) happens entirely
        // before or after this transition.
        lock (_gate)
        lock (_queueGate)
        {
            if (!_inFlight.TryGetValue(job.Proto, out var current) || !ReferenceEquals(current, job)) return;
            _inFlight.Remove(job.Proto);
            // A refusal may already have rejected it; an invalidation since may have made it a candidate again.
            if (job.Proto.Tier == TierState.Queued) job.Proto.Tier = next;
        }
    }
}
