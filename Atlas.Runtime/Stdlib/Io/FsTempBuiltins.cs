using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// The temporary-file helpers of stdlib.md §9.3 (<c>fsTmpfile</c>, <c>fsTmpdir</c>, <c>fsTmpfileNamed</c>), named as in the
/// reference: each creates a new, empty entry in the system's temporary directory and returns its path. Creating needs
/// write permission for that path (AT0300); a name that is taken is AT0400, never an entry that is reused.
/// </summary>
internal static class FsTempBuiltins
{
    private static long _counter;

    internal static void Register()
    {
        BuiltinRegistry.Define("fsTmpfile", (vm, args) =>
        {
            ArgCheck.Arity("fsTmpfile", args, 0);
            return CreateFile(vm, "atlas_tmp", "Failed to create temporary file");
        }, "Creates an empty file in the temporary directory and returns its path.");
        BuiltinRegistry.Define("fsTmpfileNamed", (vm, args) =>
        {
            var prefix = FileBuiltins.PathArg("fsTmpfileNamed", args, 1);
            return CreateFile(vm, prefix, "Failed to create named temporary file");
        }, "fsTmpfile with a file name that starts with the given prefix.");
        BuiltinRegistry.Define("fsTmpdir", (vm, args) =>
        {
            ArgCheck.Arity("fsTmpdir", args, 0);
            var path = Unique("atlas_tmp_dir", "");
            var real = Sandbox.Write(vm, path);
            var what = "Failed to create temporary directory";
            if (File.Exists(real) || Directory.Exists(real)) throw Io.Failure(what, Io.AlreadyExists);
            Io.Run(what, () => Directory.CreateDirectory(real));
            return Value.String(path);
        }, "Creates an empty directory in the temporary directory and returns its path.");
    }

    private static Value CreateFile(Interpreter vm, string prefix, string what)
    {
        var path = Unique(prefix, ".tmp");
        var real = Sandbox.Write(vm, path);
        Io.Run(what, () => new FileStream(real, FileMode.CreateNew, FileAccess.Write).Dispose());
        return Value.String(path);
    }

    /// <summary>A fresh name in the temporary directory: the prefix, the time in 100 ns ticks and a per-process count.</summary>
    private static string Unique(string prefix, string extension) =>
        Path.Combine(TempDirectory, $"{prefix}_{DateTime.UtcNow.Ticks}{Interlocked.Increment(ref _counter)}{extension}");

    /// <summary>The system's temporary directory (TMPDIR on Unix), without a trailing separator.</summary>
    public static string TempDirectory => Path.GetTempPath().TrimEnd('/', '\\');
}
