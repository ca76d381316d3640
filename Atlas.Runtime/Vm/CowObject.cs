using System.Runtime.CompilerServices;

namespace Atlas.Vm;

/// <summary>
/// Base of copy-on-write containers. <see cref="Shared"/> is set when a second reference may exist; a mutation
/// then works on a copy. An unshared container is referenced from exactly one place and may be mutated in place,
/// which keeps <c>a[i] = v</c> and <c>a.push(x)</c> O(1) while giving arrays value semantics (language.md §9.2).
/// </summary>
internal abstract class CowObject
{
    public bool Shared;

    /// <summary>Copies made on this thread, of every kind (tests check that loops of writes copy nothing).</summary>
    [ThreadStatic] internal static long CopiesOnThisThread;

    /// <summary>
    /// The value kinds whose payload is a <see cref="CowObject"/>: the one statement of the rule "reading a value of
    /// this kind out of storage marks it shared". A bit set rather than a range of <see cref="ValueKind"/> so the rule
    /// does not depend on the order of the enum.
    /// </summary>
    private const uint CopyOnWriteKinds = 1u << (int)ValueKind.Array | 1u << (int)ValueKind.HashMap | 1u << (int)ValueKind.HashSet
        | 1u << (int)ValueKind.Queue | 1u << (int)ValueKind.Stack;

    /// <summary>Whether values of <paramref name="kind"/> hold a copy-on-write container.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCopyOnWrite(ValueKind kind) => (CopyOnWriteKinds >> (int)kind & 1) != 0;

    /// <summary>Counts a copy made because the container was shared.</summary>
    protected static void CountCopy() => CopiesOnThisThread++;
}
