namespace Atlas.Stdlib;

/// <summary>
/// Which arguments each builtin only borrows. A borrowed argument is read during the call and nothing more: the
/// builtin does not store it, does not return it, returns nothing reachable from it without marking that shared
/// (<c>Value.Share</c>), and runs no Atlas code while it holds it. The compiler passes a variable in such a position
/// without marking its collection shared (BorrowLocal / BorrowGlobal / BorrowUpvalue), so reading a collection through
/// <c>hashMapHas</c> or <c>len</c> does not make the next write to it copy the whole collection (issue 13).
/// </summary>
/// <remarks>
/// Builtins that call a function argument (map, filter, hashMapForEach …) are left out on purpose: the callback could
/// change the variable in place while the builtin still reads it. Write-back builtins borrow their first argument by
/// their own rule (stdlib.md §0.4, <c>FunctionCompiler.TryCompileWriteBackCall</c>).
/// </remarks>
internal static class BorrowedArguments
{
    private const int First = 1, Second = 2, Both = First | Second;

    /// <summary>Bit i set: argument i is borrowed.</summary>
    private static readonly Dictionary<string, int> Masks = new(StringComparer.Ordinal)
    {
        // core
        ["print"] = First, ["len"] = First, ["str"] = First, ["typeof"] = First, ["toString"] = First,
        // arrays (elements that are returned are marked shared by the builtin)
        ["slice"] = First, ["join"] = First, ["arraySort"] = First,
        ["arrayIndexOf"] = Both, ["arrayLastIndexOf"] = Both, ["arrayIncludes"] = Both,
        // HashMap
        ["hashMapFromEntries"] = First, ["hashMapGet"] = First, ["hashMapHas"] = First, ["hashMapSize"] = First,
        ["hashMapIsEmpty"] = First, ["hashMapKeys"] = First, ["hashMapValues"] = First, ["hashMapEntries"] = First,
        // HashSet
        ["hashSetFromArray"] = First, ["hashSetHas"] = First, ["hashSetSize"] = First, ["hashSetIsEmpty"] = First,
        ["hashSetToArray"] = First, ["hashSetUnion"] = Both, ["hashSetIntersection"] = Both, ["hashSetDifference"] = Both,
        ["hashSetSymmetricDifference"] = Both, ["hashSetIsSubset"] = Both, ["hashSetIsSuperset"] = Both,
        // Queue / Stack
        ["queuePeek"] = First, ["queueSize"] = First, ["queueIsEmpty"] = First, ["queueToArray"] = First,
        ["stackPeek"] = First, ["stackSize"] = First, ["stackIsEmpty"] = First, ["stackToArray"] = First,
    };

    /// <summary>The borrowed-argument bits of builtin <paramref name="name"/> (0 when it borrows none).</summary>
    public static int Of(string name) => Masks.GetValueOrDefault(name);

    /// <summary>Every builtin that borrows an argument (tests check each one against the contract above).</summary>
    public static IEnumerable<string> Names => Masks.Keys;
}
