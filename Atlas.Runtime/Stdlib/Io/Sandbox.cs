using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// The permission checks of the file, path and environment builtins, against the permissions of the running script
/// (<see cref="ExecutionLimits.Permissions"/>). Each returns the canonical path it checked, which is also the path the
/// builtin then uses, so a link swapped in between cannot redirect an operation that was checked elsewhere.
/// </summary>
internal static class Sandbox
{
    private static AtlasPermissions Of(Interpreter vm) => vm.Limits.Permissions;

    /// <summary>The canonical form of <paramref name="path"/> if it may be read; otherwise AT0300 "read access to PATH".</summary>
    public static string Read(Interpreter vm, string path)
    {
        var real = Resolve(path);
        if (!Of(vm).CanRead(real)) throw Denied("read", real);
        return real;
    }

    /// <summary>The canonical form of <paramref name="path"/> if it may be written; otherwise AT0300 "write access to PATH".</summary>
    public static string Write(Interpreter vm, string path)
    {
        var real = Resolve(path);
        if (!Of(vm).CanWrite(real)) throw Denied("write", real);
        return real;
    }

    /// <summary>
    /// The path of a symbolic link itself, not of what it points to: its directory in canonical form and its own name,
    /// if that may be read (or written, when <paramref name="write"/>); otherwise AT0300 like <see cref="Read"/>.
    /// </summary>
    public static string Link(Interpreter vm, string path, bool write)
    {
        Resolve(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full);
        var real = parent is null ? RealPath.Resolve(full) : Path.Combine(RealPath.Resolve(parent), Path.GetFileName(full));
        if (write ? !Of(vm).CanWrite(real) : !Of(vm).CanRead(real)) throw Denied(write ? "write" : "read", real);
        return real;
    }

    /// <summary>Environment access; otherwise AT0303 naming <paramref name="what"/> (a variable name or "listEnv" etc.).</summary>
    public static void Environment(Interpreter vm, string what)
    {
        if (!Of(vm).Environment) throw new AtlasRuntimeException(RuntimeErrorKind.EnvironmentPermissionDenied, what);
    }

    private static string Resolve(string path)
    {
        if (path.Length == 0) throw Io.Failure($"Failed to resolve path '': No such file or directory (os error 2)");
        if (path.Contains('\0')) throw Io.Failure($"Failed to resolve path '{path}': file name contained an unexpected NUL byte");
        return RealPath.Resolve(path);
    }

    private static AtlasRuntimeException Denied(string operation, string path) =>
        new(RuntimeErrorKind.FilesystemPermissionDenied, $"{operation} access to {path}");
}
