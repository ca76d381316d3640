using Atlas.Diagnostics;

namespace Atlas.Modules;

/// <summary>
/// One module's text as a resolver found it. <see cref="Id"/> identifies the module (two imports of the same id load it
/// once; a full path for files); <see cref="DisplayPath"/> is what diagnostics and stack traces show.
/// </summary>
public sealed record ModuleSource(string Id, string DisplayPath, string Text)
{
    internal SourceText Source { get; } = new(Text);
}

/// <summary>What a resolver answers: the module, or why there is none (<see cref="Missing"/> for "no such module").</summary>
public sealed record ModuleLookup(ModuleSource? Module, string? Problem)
{
    /// <summary>The module was found.</summary>
    public static ModuleLookup Found(ModuleSource module) => new(module, null);
    /// <summary>There is no such module (AT5002).</summary>
    public static ModuleLookup Missing { get; } = new(null, null);
    /// <summary>The module exists but may not be loaded, or cannot be read; <paramref name="problem"/> says why (AT5001).</summary>
    public static ModuleLookup Refused(string problem) => new(null, problem);
}
