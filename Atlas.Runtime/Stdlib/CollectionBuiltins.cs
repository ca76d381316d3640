namespace Atlas.Stdlib;

/// <summary>Builtins of one stdlib.md group (to be implemented).</summary>
internal static class CollectionBuiltins
{
    internal static void Register()
    {
    }
}
