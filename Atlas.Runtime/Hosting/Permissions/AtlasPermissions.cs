namespace Atlas.Hosting;

/// <summary>
/// What a script may touch outside itself: files to read, files to write and the environment. <see cref="None"/> (the
/// default of <see cref="AtlasEngine"/>) grants nothing; the <c>atlas</c> command grants <see cref="All"/> unless told
/// otherwise. A directory grant covers everything below it. Paths are compared after resolving <c>..</c> and symbolic
/// links, so a path that leads out of a granted directory through either is refused (AT0300).
/// </summary>
public sealed record AtlasPermissions
{
    /// <summary>Nothing: every file and environment builtin fails with a permission error.</summary>
    public static AtlasPermissions None { get; } = new();

    /// <summary>Every file may be read and written and the environment read.</summary>
    public static AtlasPermissions All { get; } = new() { ReadAnywhere = true, WriteAnywhere = true, Environment = true };

    /// <summary>Any file may be read (readFile, readDir, fileExists, fileInfo, pathExists, pathCanonical, fsWalk, fsSize, …).</summary>
    public bool ReadAnywhere { get; init; }
    /// <summary>Any file may be written, created or removed (writeFile, createDir, removeDir, fsMkdirp, fsTmpfile, …).</summary>
    public bool WriteAnywhere { get; init; }
    /// <summary>Directories whose contents may be read (relative ones are taken from the current directory when checked).</summary>
    public IReadOnlyList<string> ReadDirectories { get; init; } = [];
    /// <summary>Directories that may be written in: their contents created, changed or removed.</summary>
    public IReadOnlyList<string> WriteDirectories { get; init; } = [];
    /// <summary>Directories modules may be imported from by the default module resolver (any, with <see cref="ReadAnywhere"/>).</summary>
    public IReadOnlyList<string> ModuleRoots { get; init; } = [];
    /// <summary>Environment variables, the current, home and temporary directories may be read (getEnv, listEnv, getCwd, …).</summary>
    public bool Environment { get; init; }

    /// <summary>These permissions plus read access to <paramref name="directory"/>.</summary>
    public AtlasPermissions AllowRead(string directory) => this with { ReadDirectories = [.. ReadDirectories, directory] };

    /// <summary>These permissions plus write access to <paramref name="directory"/>.</summary>
    public AtlasPermissions AllowWrite(string directory) => this with { WriteDirectories = [.. WriteDirectories, directory] };

    /// <summary>These permissions plus importing modules from under <paramref name="directory"/>.</summary>
    public AtlasPermissions AllowModules(string directory) => this with { ModuleRoots = [.. ModuleRoots, directory] };

    /// <summary>True when the canonical path <paramref name="path"/> may be read.</summary>
    public bool CanRead(string path) => ReadAnywhere || Inside(path, ReadDirectories);

    /// <summary>True when the canonical path <paramref name="path"/> may be written, created or removed.</summary>
    public bool CanWrite(string path) => WriteAnywhere || Inside(path, WriteDirectories);

    private static bool Inside(string path, IReadOnlyList<string> directories)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var directory in directories)
        {
            var root = RealPath.Resolve(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (string.Equals(path, root, comparison) || path.StartsWith(root + Path.DirectorySeparatorChar, comparison) || root.Length == 0)
                return true;
        }
        return false;
    }
}
