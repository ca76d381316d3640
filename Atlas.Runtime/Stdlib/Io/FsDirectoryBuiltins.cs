using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// The directory helpers of stdlib.md §9.3 (<c>fsMkdir</c>, <c>fsMkdirp</c>, <c>fsWalk</c>, …), named as in the reference.
/// Creating and removing need write permission, listing needs read permission (AT0300); failures are AT0400 with the OS
/// message. Listings are sorted so that a script sees the same order on every system.
/// </summary>
internal static class FsDirectoryBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("fsMkdir", Mkdir, "Creates a directory; its parent must exist and the directory must not.");
        BuiltinRegistry.Define("fsMkdirp",
            (vm, args) => FileBuiltins.CreateDir(vm, args, "fsMkdirp", "Failed to create directory recursively"),
            "Creates a directory and any missing parents; nothing happens when it exists.");
        BuiltinRegistry.Define("fsRmdir", (vm, args) => FileBuiltins.RemoveDir(vm, args, "fsRmdir"), "Same as removeDir.");
        BuiltinRegistry.Define("fsRmdirRecursive", RmdirRecursive, "Deletes a directory and everything in it.");
        BuiltinRegistry.Define("fsReaddir", (vm, args) => FileBuiltins.ReadDir(vm, args, "fsReaddir"), "Same as readDir.");
        BuiltinRegistry.Define("fsWalk", Walk,
            "Every path under a directory, relative to it, sorted, each directory before its contents; links are not followed.");
        BuiltinRegistry.Define("fsFilterEntries", FilterEntries,
            "The strings of an array that match a pattern in which * stands for any text.");
        BuiltinRegistry.Define("fsSortEntries", SortEntries, "The array sorted ignoring case (non-strings first, in their order).");
    }

    private static Value Mkdir(Interpreter vm, Args args)
    {
        var path = FileBuiltins.PathArg("fsMkdir", args, 1);
        var real = Sandbox.Write(vm, path);
        var what = $"Failed to create directory '{path}'";
        if (File.Exists(real) || Directory.Exists(real)) throw Io.Failure(what, Io.AlreadyExists);
        var parent = Path.GetDirectoryName(real);
        if (parent is not null && File.Exists(parent)) throw Io.Failure(what, Io.NotADirectory);
        if (parent is not null && !Directory.Exists(parent)) throw Io.Failure(what, Io.NotFound);
        Io.Run(what, () => Directory.CreateDirectory(real));
        return Value.Null;
    }

    private static Value RmdirRecursive(Interpreter vm, Args args)
    {
        var path = FileBuiltins.PathArg("fsRmdirRecursive", args, 1);
        var real = FileBuiltins.Existing(Sandbox.Write(vm, path), path);
        var what = $"Failed to remove directory recursively '{path}'";
        if (!Directory.Exists(real)) throw Io.Failure(what, Io.NotADirectory);
        Io.Run(what, () => Directory.Delete(real, recursive: true));
        return Value.Null;
    }

    private static Value Walk(Interpreter vm, Args args)
    {
        var path = FileBuiltins.PathArg("fsWalk", args, 1);
        var real = FileBuiltins.Existing(Sandbox.Read(vm, path), path);
        if (!Directory.Exists(real)) throw Io.Failure($"Failed to read directory '{path}'", Io.NotADirectory);
        var found = new List<Value>();
        WalkInto(real, real, found);
        return Value.Array(AtlasArray.From(found));
    }

    private static void WalkInto(string root, string directory, List<Value> found)
    {
        var entries = Io.Run($"Failed to read directory '{directory}'", () => Directory.GetFileSystemEntries(directory));
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            found.Add(Value.String(Path.GetRelativePath(root, entry)));
            // A link is listed but not entered: it could lead out of the checked directory or round in a cycle.
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null) WalkInto(root, entry, found);
        }
    }

    private static Value FilterEntries(Interpreter vm, Args args)
    {
        ArgCheck.Arity("fsFilterEntries", args, 2);
        var entries = ArgCheck.Array("fsFilterEntries", args[0]);
        var pattern = ArgCheck.String("fsFilterEntries", args[1]);
        var kept = entries.AsSpan().ToArray().Where(v => v.IsString && Matches(v.AsString, pattern));
        return Value.Array(AtlasArray.From(kept));
    }

    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/>, where each * stands for any text.</summary>
    internal static bool Matches(string text, string pattern)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1) return text == pattern;
        string first = parts[0], last = parts[^1];
        if (text.Length < first.Length + last.Length || !text.StartsWith(first, StringComparison.Ordinal)
            || !text.EndsWith(last, StringComparison.Ordinal)) return false;
        int at = first.Length, end = text.Length - last.Length;
        foreach (var middle in parts[1..^1])
        {
            int found = text.IndexOf(middle, at, end - at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + middle.Length;
        }
        return true;
    }

    private static Value SortEntries(Interpreter vm, Args args)
    {
        ArgCheck.Arity("fsSortEntries", args, 1);
        var entries = ArgCheck.Array("fsSortEntries", args[0]).AsSpan().ToArray();
        var sorted = entries.OrderBy(v => v.IsString ? v.AsString.ToLowerInvariant() : "", StringComparer.Ordinal);
        return Value.Array(AtlasArray.From(sorted));
    }
}
