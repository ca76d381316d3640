using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// Path builtins (stdlib.md §9.4) and pathJoin (§9.3). Most only compute text; those that look at the file system need
/// read permission, and those that depend on the current or home directory need environment permission.
/// </summary>
internal static class PathBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("pathJoin", (_, args) => Join(Enumerable.Range(0, args.Count).Select(i => args[i]).ToList(), "pathJoin"),
            "Joins path segments with the separator; an absolute segment starts over, empty ones are skipped.");
        BuiltinRegistry.Define("pathJoinArray", (_, args) =>
        {
            ArgCheck.Arity("pathJoinArray", args, 1);
            return Join([.. ArgCheck.Array("pathJoinArray", args[0]).Items], "pathJoinArray");
        }, "pathJoin with the segments in an array.");
        BuiltinRegistry.Define("pathParse", (_, args) => Parse(Text("pathParse", args)),
            "A HashMap with the root, dir, base, ext and name of a path.");
        DefineText("pathNormalize", p => Rust(p.Normalize()) is { Length: > 0 } n ? n.Replace('\\', '/') : ".", "Removes . and resolves .. without looking at the file system.");
        DefineText("pathParent", p => p.Parent is { } parent ? Rust(parent) : "", "The path without its last part (\"\" when there is none).");
        DefineText("pathDirname", p => p.Parent is { } parent ? Rust(parent) : "", "Same as pathParent.");
        DefineText("pathBasename", p => p.FileName ?? "", "The last part of the path, if it is a name.");
        DefineText("pathExtension", p => p.Extension ?? "", "The file name's extension without the dot (\"\" when there is none).");
        DefineTest("pathIsAbsolute", p => p.IsAbsolute, "True for a path that starts at the root.");
        DefineTest("pathIsRelative", p => !p.IsAbsolute, "True for a path that does not start at the root.");
        BuiltinRegistry.Define("pathEquals", (_, args) =>
        {
            ArgCheck.Arity("pathEquals", args, 2);
            var a = PathModel.Parse(ArgCheck.String("pathEquals", args[0]));
            return Value.Bool(a.SameAs(PathModel.Parse(ArgCheck.String("pathEquals", args[1]))));
        }, "True when two paths have the same parts (a/b, a//b and a/./b are equal).");
        BuiltinRegistry.Define("pathAbsolute", (vm, args) => Value.String(Absolute(vm, Text("pathAbsolute", args))),
            "The path made absolute against the current directory.");
        BuiltinRegistry.Define("pathRelative", Relative, "The relative path that leads from the first path to the second.");
        BuiltinRegistry.Define("pathExists", (vm, args) =>
        {
            var real = Sandbox.Read(vm, Text("pathExists", args));
            return Value.Bool(File.Exists(real) || Directory.Exists(real));
        }, "True when a file or directory exists at the path.");
        BuiltinRegistry.Define("pathCanonical", Canonical, "The absolute path with . and .. resolved and symbolic links followed; the path must exist.");
        DefineConstant("pathSeparator", PathModel.Separator.ToString(), "The directory separator of this system: / or \\.");
        DefineConstant("pathDelimiter", OperatingSystem.IsWindows() ? ";" : ":", "The separator of directory lists such as PATH: : or ;.");
        DefineConstant("pathExtSeparator", ".", "The extension separator: \".\".");
        DefineText("pathDrive", p => OperatingSystem.IsWindows() ? Path.GetPathRoot(p.ToString())?.TrimEnd('\\', '/') ?? "" : "",
            "The drive of a Windows path such as C:; \"\" elsewhere.");
        DefineRaw("pathToPlatform", s => s.Replace('/', PathModel.Separator).Replace('\\', PathModel.Separator), "The path with this system's separator.");
        DefineRaw("pathToPosix", s => s.Replace('\\', '/'), "The path with / separators.");
        DefineRaw("pathToWindows", s => s.Replace('/', '\\'), "The path with \\ separators.");
    }

    private static string Text(string name, Args args)
    {
        ArgCheck.Arity(name, args, 1);
        return ArgCheck.String(name, args[0]);
    }

    private static string Rust(PathModel p) => p.ToString();

    private static void DefineText(string name, Func<PathModel, string> f, string summary) =>
        BuiltinRegistry.Define(name, (_, args) => Value.String(f(PathModel.Parse(Text(name, args)))), summary);

    private static void DefineRaw(string name, Func<string, string> f, string summary) =>
        BuiltinRegistry.Define(name, (_, args) => Value.String(f(Text(name, args))), summary);

    private static void DefineTest(string name, Func<PathModel, bool> f, string summary) =>
        BuiltinRegistry.Define(name, (_, args) => Value.Bool(f(PathModel.Parse(Text(name, args)))), summary);

    private static void DefineConstant(string name, string value, string summary) =>
        BuiltinRegistry.Define(name, (_, args) =>
        {
            ArgCheck.Arity(name, args, 0);
            return Value.String(value);
        }, summary);

    private static Value Join(List<Value> segments, string name)
    {
        string path = "";
        for (int i = 0; i < segments.Count; i++)
        {
            if (!segments[i].IsString) throw AtlasRuntimeException.Type($"segment {i} must be a string");
            if (segments[i].AsString.Length > 0) path = PathModel.Push(path, segments[i].AsString);
        }
        return Value.String(path.Length == 0 ? "." : path);
    }

    private static Value Parse(string text)
    {
        var p = PathModel.Parse(text);
        var map = new AtlasMap();
        void Put(string key, string value) => map.Entries[new HashKey(Value.String(key))] = Value.String(value);
        Put("root", p.IsAbsolute ? PathModel.Separator.ToString() : "");
        Put("dir", p.Parent is { } parent ? Rust(parent) : "");
        Put("base", p.FileName ?? "");
        Put("ext", p.Extension ?? "");
        Put("name", p.Stem ?? "");
        return Value.Map(map);
    }

    /// <summary>An absolute path as is; a relative one joined to the current directory (environment permission).</summary>
    private static string Absolute(Interpreter vm, string path)
    {
        if (PathModel.Parse(path).IsAbsolute) return path;
        return PathModel.Push(EnvBuiltins.CurrentDirectory(vm), path);
    }

    private static Value Relative(Interpreter vm, Args args)
    {
        ArgCheck.Arity("pathRelative", args, 2);
        var from = Absolute(vm, ArgCheck.String("pathRelative", args[0]));
        var to = Absolute(vm, ArgCheck.String("pathRelative", args[1]));
        return Value.String(PathModel.Relative(PathModel.Parse(from), PathModel.Parse(to)));
    }

    private static Value Canonical(Interpreter vm, Args args)
    {
        var path = Text("pathCanonical", args);
        var real = Sandbox.Read(vm, path);
        if (!File.Exists(real) && !Directory.Exists(real))
            throw AtlasRuntimeException.Type($"Failed to canonicalize path '{path}': {Io.OsMessage(Io.NotFound)}");
        return Value.String(real);
    }
}
