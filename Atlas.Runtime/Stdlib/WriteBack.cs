namespace Atlas.Stdlib;

/// <summary>How a builtin's result is stored back into the variable named by its first argument (stdlib.md §0.4).</summary>
internal enum WriteBack
{
    /// <summary>No write-back.</summary>
    None,
    /// <summary>The result is the new collection: store it and it stays the call's value.</summary>
    ReturnsCollection,
    /// <summary>The raw result is <c>[item, newCollection]</c>: store element 1, the call's value is element 0.</summary>
    ReturnsItem,
}
