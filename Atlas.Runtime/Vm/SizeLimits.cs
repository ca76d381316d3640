namespace Atlas.Vm;

/// <summary>
/// Hard caps on a single string or array, checked where they grow, so that doubling a value in a loop ends with
/// AT0011 instead of an OutOfMemoryException that would take the host down. The whole-heap budget is
/// <see cref="ExecutionLimits.MaxMemoryBytes"/>, checked periodically.
/// </summary>
internal static class SizeLimits
{
    /// <summary>2^28 characters (512 MB of UTF-16).</summary>
    public const int MaxStringLength = 1 << 28;
    /// <summary>2^26 elements (1.5 GB of values).</summary>
    public const int MaxArrayLength = 1 << 26;

    /// <summary>Allocations at least this large also count against the heap budget at once (not only at the next periodic check).</summary>
    private const long LargeAllocationBytes = 64 * 1024;

    public static void CheckString(long length)
    {
        if (length > MaxStringLength) ThrowMemoryLimit();
        if (length * 2 >= LargeAllocationBytes) ExecutionLimits.Current?.NoteAllocation(length * 2);
    }

    public static void CheckArray(long length)
    {
        if (length > MaxArrayLength) ThrowMemoryLimit();
        if (length * 24 >= LargeAllocationBytes) ExecutionLimits.Current?.NoteAllocation(length * 24);
    }

    public static void ThrowMemoryLimit() => throw new AtlasRuntimeException(RuntimeErrorKind.MemoryLimit);
}
