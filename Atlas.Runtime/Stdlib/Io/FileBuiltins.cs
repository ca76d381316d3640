using System.Text;
using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// File I/O (stdlib.md §9.3). Every path is checked against the script's permissions first (AT0300); failures of the
/// operation itself are AT0400 with the OS message. Files are UTF-8: one that is not fails instead of being mangled.
/// </summary>
internal static class FileBuiltins
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal static void Register()
    {
        BuiltinRegistry.Define("readFile", ReadFile, "The whole text of a UTF-8 file.");
        BuiltinRegistry.Define("writeFile", WriteFile, "Writes the text to a file as UTF-8, replacing what was there.");
        BuiltinRegistry.Define("appendFile", AppendFile, "Adds the text to the end of a file, creating it if needed.");
        BuiltinRegistry.Define("fileExists", FileExists, "True when a file or directory exists at the path.");
        BuiltinRegistry.Define("readDir", (vm, args) => ReadDir(vm, args, "readDir"), "The names of the entries of a directory, sorted.");
        BuiltinRegistry.Define("createDir", (vm, args) => CreateDir(vm, args, "createDir", "Failed to create directory"),
            "Creates a directory and any missing parents.");
        BuiltinRegistry.Define("removeFile", RemoveFile, "Deletes a file.");
        BuiltinRegistry.Define("removeDir", (vm, args) => RemoveDir(vm, args, "removeDir"), "Deletes an empty directory.");
        BuiltinRegistry.Define("fileInfo", FileInfoBuiltin, "A json object with the size, modified (Unix seconds), isFile and isDir of a path.");
    }

    internal static string PathArg(string name, Args args, int count)
    {
        ArgCheck.Arity(name, args, count);
        return ArgCheck.String(name, args[0]);
    }

    private static Value ReadFile(Interpreter vm, Args args)
    {
        var path = PathArg("readFile", args, 1);
        var real = Existing(Sandbox.Read(vm, path), path);
        var what = $"Failed to read file '{real}'";
        if (Directory.Exists(real)) throw Io.Failure(what, Io.IsADirectory);
        long length = Io.Run(what, () => new FileInfo(real).Length);
        SizeLimits.CheckString(length);
        var bytes = Io.Run(what, () => File.ReadAllBytes(real));
        try
        {
            return Value.String(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            throw Io.Failure(what + ": stream did not contain valid UTF-8");
        }
    }

    private static Value WriteFile(Interpreter vm, Args args) => Write(vm, args, "writeFile", "Failed to write file", File.WriteAllText);

    private static Value AppendFile(Interpreter vm, Args args) => Write(vm, args, "appendFile", "Failed to open file", File.AppendAllText);

    private static Value Write(Interpreter vm, Args args, string name, string failure, Action<string, string, Encoding> write)
    {
        var path = PathArg(name, args, 2);
        var content = ArgCheck.String(name, args[1]);
        var real = Sandbox.Write(vm, path);
        var what = $"{failure} '{path}'";
        if (Directory.Exists(real)) throw Io.Failure(what, Io.IsADirectory);
        Io.Run(what, () => write(real, content, StrictUtf8));
        return Value.Null;
    }

    private static Value FileExists(Interpreter vm, Args args)
    {
        var real = Sandbox.Read(vm, PathArg("fileExists", args, 1));
        return Value.Bool(File.Exists(real) || Directory.Exists(real));
    }

    /// <summary>readDir and fsReaddir: the sorted entry names of a directory.</summary>
    internal static Value ReadDir(Interpreter vm, Args args, string name)
    {
        var path = PathArg(name, args, 1);
        var real = Existing(Sandbox.Read(vm, path), path);
        var what = $"Failed to read directory '{real}'";
        if (!Directory.Exists(real)) throw Io.Failure(what, Io.NotADirectory);
        var names = Io.Run(what, () => Directory.GetFileSystemEntries(real).Select(Path.GetFileName).ToList());
        names.Sort(StringComparer.Ordinal);
        return Value.Array(AtlasArray.From(names.Select(n => Value.String(n!))));
    }

    /// <summary>createDir and fsMkdirp: creates the directory and its missing parents.</summary>
    internal static Value CreateDir(Interpreter vm, Args args, string name, string failure)
    {
        var path = PathArg(name, args, 1);
        var real = Sandbox.Write(vm, path);
        Io.Run($"{failure} '{path}'", () => Directory.CreateDirectory(real));
        return Value.Null;
    }

    private static Value RemoveFile(Interpreter vm, Args args)
    {
        var path = PathArg("removeFile", args, 1);
        var real = Existing(Sandbox.Write(vm, path), path);
        var what = $"Failed to remove file '{real}'";
        if (Directory.Exists(real)) throw Io.Failure(what, Io.IsADirectory);
        Io.Run(what, () => File.Delete(real));
        return Value.Null;
    }

    /// <summary>removeDir and fsRmdir: deletes an empty directory.</summary>
    internal static Value RemoveDir(Interpreter vm, Args args, string name)
    {
        var path = PathArg(name, args, 1);
        var real = Existing(Sandbox.Write(vm, path), path);
        var what = $"Failed to remove directory '{real}'";
        if (!Directory.Exists(real)) throw Io.Failure(what, Io.NotADirectory);
        Io.Run(what, () => Directory.Delete(real, recursive: false));
        return Value.Null;
    }

    private static Value FileInfoBuiltin(Interpreter vm, Args args)
    {
        var path = PathArg("fileInfo", args, 1);
        var real = Existing(Sandbox.Read(vm, path), path);
        bool isDir = Directory.Exists(real);
        FileSystemInfo info = isDir ? new DirectoryInfo(real) : new FileInfo(real);
        var fields = new SortedDictionary<string, AtlasJson>(StringComparer.Ordinal)
        {
            ["size"] = AtlasJson.FromNumber(isDir ? 0 : Io.Run($"Failed to get metadata for '{real}'", () => ((FileInfo)info).Length)),
            ["modified"] = AtlasJson.FromNumber(Math.Floor((info.LastWriteTimeUtc - DateTime.UnixEpoch).TotalSeconds)),
            ["isFile"] = AtlasJson.FromBool(!isDir),
            ["isDir"] = AtlasJson.FromBool(isDir),
        };
        return Value.Json(AtlasJson.FromObject(fields));
    }

    /// <summary>The checked path, or AT0400 "Failed to resolve path 'P': No such file or directory" when nothing is there.</summary>
    internal static string Existing(string real, string path) =>
        File.Exists(real) || Directory.Exists(real) ? real : throw Io.Failure($"Failed to resolve path '{path}'", Io.NotFound);
}
