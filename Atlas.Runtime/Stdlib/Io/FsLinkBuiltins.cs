using Atlas.Vm;

namespace Atlas.Stdlib.Io;

/// <summary>
/// The symbolic-link helpers of stdlib.md §9.3 (<c>fsSymlink</c>, <c>fsReadlink</c>, <c>fsIsSymlink</c>,
/// <c>fsResolveSymlink</c>), named as in the reference. Those that look at a link itself are checked against the link's
/// own location (<see cref="Sandbox.Link"/>); following a link is checked against its target like every other path.
/// </summary>
internal static class FsLinkBuiltins
{
    internal static void Register()
    {
        BuiltinRegistry.Define("fsSymlink", Symlink, "Creates a symbolic link (the second path) that points to the first path.");
        BuiltinRegistry.Define("fsReadlink", (vm, args) =>
        {
            var path = FileBuiltins.PathArg("fsReadlink", args, 1);
            var what = $"Failed to read symlink '{path}'";
            var target = LinkTarget(Sandbox.Link(vm, path, write: false), what) ?? throw Io.Failure(what, Io.InvalidArgument);
            return Value.String(target);
        }, "The target a symbolic link points to, as written when it was created.");
        BuiltinRegistry.Define("fsIsSymlink", (vm, args) =>
        {
            var path = FileBuiltins.PathArg("fsIsSymlink", args, 1);
            return Value.Bool(LinkTarget(Sandbox.Link(vm, path, write: false), $"Failed to get metadata for '{path}'") is not null);
        }, "True when the path is a symbolic link (it is not followed); the path must exist.");
        BuiltinRegistry.Define("fsResolveSymlink", (vm, args) =>
        {
            var path = FileBuiltins.PathArg("fsResolveSymlink", args, 1);
            var real = Sandbox.Read(vm, path);
            if (!File.Exists(real) && !Directory.Exists(real)) throw Io.Failure($"Failed to resolve symlink '{path}'", Io.NotFound);
            return Value.String(real);
        }, "The absolute path with every symbolic link followed; the path must exist.");
    }

    /// <summary>What the link at <paramref name="real"/> points to, null when it is not a link; AT0400 when nothing is there.</summary>
    private static string? LinkTarget(string real, string what)
    {
        var info = new FileInfo(real);
        var target = Io.Run(what, () => info.LinkTarget);
        if (target is null && !info.Exists && !Directory.Exists(real)) throw Io.Failure(what, Io.NotFound);
        return target;
    }

    private static Value Symlink(Interpreter vm, Args args)
    {
        ArgCheck.Arity("fsSymlink", args, 2);
        var target = ArgCheck.String("fsSymlink", args[0]);
        var link = ArgCheck.String("fsSymlink", args[1]);
        var real = Sandbox.Link(vm, link, write: true);
        var what = $"Failed to create symlink '{link}' -> '{target}'";
        if (target.Length == 0) throw Io.Failure(what, Io.NotFound);
        bool taken = File.Exists(real) || Directory.Exists(real) || new FileInfo(real).LinkTarget is not null;
        if (taken) throw Io.Failure(what, Io.AlreadyExists);
        if (!Directory.Exists(Path.GetDirectoryName(real))) throw Io.Failure(what, Io.NotFound);
        Io.Run(what, () => File.CreateSymbolicLink(real, target));
        return Value.Null;
    }
}
