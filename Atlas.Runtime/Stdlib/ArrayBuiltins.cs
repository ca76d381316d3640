namespace Atlas.Stdlib;

/// <summary>Builtins of one stdlib.md group (to be implemented).</summary>
internal static class ArrayBuiltins
{
    internal static void Register()
    {
    }
}
