namespace Atlas.Hosting;

/// <summary>
/// Settings of an <see cref="AtlasEngine"/>, in groups: <see cref="Jit"/> and <see cref="Limits"/>. The engine reads
/// <see cref="Jit"/> and <see cref="Output"/> when it is created and <see cref="Limits"/> and the warning settings
/// at every evaluation, so limits may be changed between scripts.
/// </summary>
public sealed class AtlasOptions
{
    /// <summary>Whether and when functions are compiled to .NET code.</summary>
    public JitOptions Jit { get; init; } = new();
    /// <summary>Call depth, time, cancellation and memory budgets of each evaluation and call.</summary>
    public LimitOptions Limits { get; init; } = new();
    /// <summary>
    /// The files and environment scripts may touch; <see cref="AtlasPermissions.None"/> by default, so a script that
    /// calls <c>readFile</c> fails with AT0300 until the host grants it. Read at every evaluation.
    /// </summary>
    public AtlasPermissions Permissions { get; set; } = AtlasPermissions.None;
    /// <summary>
    /// Finds the modules scripts import (<c>import { f } from "./lib";</c>): null for files under
    /// <see cref="AtlasPermissions.ModuleRoots"/>; an <see cref="Modules.InMemoryModuleResolver"/> for modules the host
    /// holds; <see cref="Modules.NoModuleResolver"/> to refuse imports. Paths are relative to the importing script's path.
    /// </summary>
    public Modules.IModuleResolver? ModuleResolver { get; set; }
    /// <summary>Where <c>print</c> writes; null for <see cref="Console.Out"/>.</summary>
    public TextWriter? Output { get; init; }
    /// <summary>Where warnings are written, rendered like the CLI's; null drops them (they never stop a script).</summary>
    public TextWriter? WarningOutput { get; set; }
    /// <summary>Treat warnings as errors: a script with any throws <see cref="AtlasCompileException"/> and does not run.</summary>
    public bool DenyWarnings { get; set; }
}
