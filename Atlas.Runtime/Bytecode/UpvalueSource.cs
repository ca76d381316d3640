namespace Atlas.Bytecode;

/// <summary>
/// Where a function's captured variable comes from when its closure is made: a local of the enclosing function
/// (<paramref name="FromParentLocal"/>) or one of that function's own captures, at <paramref name="Index"/>.
/// </summary>
/// <remarks>A class, not a tuple: a list of tuples is generic code over a value type that ReadyToRun does not precompile.</remarks>
internal sealed record UpvalueSource(bool FromParentLocal, int Index, string Name);
