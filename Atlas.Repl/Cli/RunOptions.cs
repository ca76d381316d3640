namespace Atlas.Repl.Cli;

/// <summary>Options of <c>atlas run</c> and <c>atlas check</c>, grouped as the CLI exposes them.</summary>
internal sealed record RunOptions
{
    public bool DenyWarnings { get; init; }
    public bool JitEnabled { get; init; } = true;
    public int JitThreshold { get; init; } = 1000;
    public bool JitStats { get; init; }
    /// <summary>Compile on the program's thread instead of the background compiler thread (<c>--jit-sync</c>).</summary>
    public bool JitSync { get; init; }
    public double? TimeoutSeconds { get; init; }
    public int MaxDepth { get; init; } = Vm.Interpreter.DefaultMaxDepth;
    /// <summary>Heap budget in MB (AT0011 above it).</summary>
    public int MaxMemoryMb { get; init; } = DefaultMaxMemoryMb;
    public const int DefaultMaxMemoryMb = 4096;
    /// <summary>Files and environment the program may touch: everything unless --sandbox or an --allow-* option narrows it.</summary>
    public Hosting.AtlasPermissions Permissions { get; init; } = Hosting.AtlasPermissions.All;
}
