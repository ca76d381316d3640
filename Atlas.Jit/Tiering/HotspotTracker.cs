using Atlas.Bytecode;

namespace Atlas.Jit.Tiering;

/// <summary>
/// Decides when a function is hot. The count lives in <see cref="FunctionProto.HotCount"/>, which the VM bumps on
/// every call; this class is the policy around it (and the counting entry for hosts that drive the JIT themselves).
/// </summary>
internal sealed class HotspotTracker(int threshold)
{
    /// <summary>Calls after which a function should be compiled.</summary>
    public int Threshold { get; } = Clamp(threshold);

    /// <summary>A configured threshold as the tracker uses it (at least 1).</summary>
    public static int Clamp(int threshold) => Math.Max(1, threshold);

    /// <summary>Counts one call of <paramref name="proto"/>; returns the new count.</summary>
    public int RecordCall(FunctionProto proto) => ++proto.HotCount;

    /// <summary>True when <paramref name="proto"/> reached the threshold and is neither compiled nor rejected.</summary>
    public bool ShouldCompile(FunctionProto proto) => proto.HotCount >= Threshold && proto.Compiled == null && !proto.JitRejected;

    /// <summary>Starts counting again (after an invalidation or eviction).</summary>
    public void Reset(FunctionProto proto) => proto.HotCount = 0;
}
