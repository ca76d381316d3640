using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// The metadata helpers of stdlib.md §9.3 (<c>fsSize</c>, <c>fsMtime</c>, <c>fsIsDir</c>, …), named as in the reference.
/// All need read permission for the path (AT0300); a path with nothing there is AT0400 with the OS message. Times are
/// Unix seconds with a fraction; links are followed, as the permission check follows them.
/// </summary>
internal static class FsMetadataBuiltins
{
    internal static void Register()
    {
        DefineMetadata("fsSize", info => info is FileInfo file ? file.Length : 0, "The size of a file in bytes (0 for a directory).");
        DefineMetadata("fsMtime", info => Seconds(info.LastWriteTimeUtc), "When the file was last modified, in Unix seconds.");
        DefineMetadata("fsCtime", info => Seconds(info.CreationTimeUtc), "When the file was created, in Unix seconds.");
        DefineMetadata("fsAtime", info => Seconds(info.LastAccessTimeUtc), "When the file was last read, in Unix seconds.");
        DefineMetadata("fsPermissions", Mode, "The permission bits of a file, such as 420 for rw-r--r-- (0o644).");
        DefineTest("fsIsDir", Directory.Exists, "True when the path is a directory.");
        DefineTest("fsIsFile", File.Exists, "True when the path is a file.");
    }

    private static void DefineMetadata(string name, Func<FileSystemInfo, double> read, string summary) =>
        BuiltinRegistry.Define(name, (vm, args) =>
        {
            var path = FileBuiltins.PathArg(name, args, 1);
            var real = Sandbox.Read(vm, path);
            var what = $"Failed to get metadata for '{path}'";
            FileSystemInfo info = Directory.Exists(real) ? new DirectoryInfo(real)
                : File.Exists(real) ? new FileInfo(real) : throw Io.Failure(what, Io.NotFound);
            return Value.Number(Io.Run(what, () => read(info)));
        }, summary);

    private static void DefineTest(string name, Func<string, bool> test, string summary) =>
        BuiltinRegistry.Define(name, (vm, args) => Value.Bool(test(Sandbox.Read(vm, FileBuiltins.PathArg(name, args, 1)))), summary);

    private static double Seconds(DateTime utc) => (utc - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>The rwx bits; on Windows, which has only a read-only flag, 0o444 or 0o666 as the reference reports.</summary>
    private static double Mode(FileSystemInfo info)
    {
        if (OperatingSystem.IsWindows()) return info.Attributes.HasFlag(FileAttributes.ReadOnly) ? 0x124 : 0x1B6;
        return (int)info.UnixFileMode & 0x1FF;
    }
}
