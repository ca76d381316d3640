using Atlas.Diagnostics;

namespace Atlas.Modules;

/// <summary>
/// One module's text as a resolver found it. <see cref="Id"/> identifies the module (two imports of the same id load it
/// once; a full path for files); <see cref="DisplayPath"/> is what diagnostics and stack traces show.
/// </summary>
public sealed record ModuleSource(string Id, string DisplayPath, string Text)
{
    public SourceText Source { get; } = new(Text);
}

/// <summary>What a resolver answers: the module, or why there is none (<see cref="Missing"/> for "no such module").</summary>
public sealed record ModuleLookup(ModuleSource? Module, string? Problem)
{
    public static ModuleLookup Found(ModuleSource module) => new(module, null);
    public static ModuleLookup Missing { get; } = new(null, null);
    public static ModuleLookup Refused(string problem) => new(null, problem);
}
