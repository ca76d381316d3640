using Atlas.Hosting;
using Atlas.Tests.Support;
using Atlas.Vm;

namespace Atlas.Tests.Hosting;

/// <summary>
/// The permission model of <see cref="AtlasPermissions"/>: an engine grants nothing by default, grants are per directory
/// and per kind, and paths that leave a granted directory through <c>..</c> or a symbolic link are refused.
/// Atlas.Jit.Tests checks the same refusals in compiled code.
/// </summary>
[TestClass]
public sealed class PermissionTests
{
    private string _root = "";
    private string _data = "";
    private string _outside = "";

    [TestInitialize]
    public void CreateTree()
    {
        _root = TempFiles.NewDirectory("atlas-perm-");
        _data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_root, "outside")).FullName;
        File.WriteAllText(Path.Combine(_data, "in.txt"), "inside");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "secret");
    }

    [TestCleanup]
    public void RemoveTree() => Directory.Delete(_root, recursive: true);

    private AtlasEngine Engine(AtlasPermissions permissions) => IoTestBase.Engine(permissions, "root", _root);

    private static AtlasRuntimeException Refused(AtlasEngine engine, string source, string code, string message) =>
        IoTestBase.Fails(engine, source, code, message);

    private string Real(string path) => RealPath.Resolve(path);

    [TestMethod]
    public void AnEngineGrantsNothingByDefault()
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null });
        engine.SetGlobal("root", _root);
        Refused(engine, "readFile(pathJoin(root, \"data/in.txt\"));", "AT0300",
            $"Permission denied: read access to {Real(Path.Combine(_data, "in.txt"))}");
        Refused(engine, "writeFile(pathJoin(root, \"new.txt\"), \"x\");", "AT0300",
            $"Permission denied: write access to {Real(Path.Combine(_root, "new.txt"))}");
        Refused(engine, "fileExists(root);", "AT0300", $"Permission denied: read access to {Real(_root)}");
        Refused(engine, "getEnv(\"PATH\");", "AT0303", "Permission denied: environment variable PATH");
        Refused(engine, "listEnv();", "AT0303", "Permission denied: environment variable *");
        Refused(engine, "getCwd();", "AT0303", "Permission denied: environment variable PWD");
        Assert.IsFalse(File.Exists(Path.Combine(_root, "new.txt")));
    }

    [TestMethod]
    public void AReadGrantCoversItsDirectoryOnly()
    {
        var engine = Engine(AtlasPermissions.None.AllowRead(_data));
        Assert.AreEqual("inside", engine.Evaluate("readFile(pathJoin(root, \"data/in.txt\"))"));
        Assert.AreEqual(true, engine.Evaluate("fileExists(pathJoin(root, \"data\"))"));
        Refused(engine, "readFile(pathJoin(root, \"outside/secret.txt\"));", "AT0300",
            $"Permission denied: read access to {Real(Path.Combine(_outside, "secret.txt"))}");
        Refused(engine, "writeFile(pathJoin(root, \"data/w.txt\"), \"x\");", "AT0300",
            $"Permission denied: write access to {Real(Path.Combine(_data, "w.txt"))}");
    }

    [TestMethod]
    public void DotDotCannotLeaveAGrantedDirectory()
    {
        var engine = Engine(AtlasPermissions.None.AllowRead(_data).AllowWrite(_data));
        Refused(engine, "readFile(pathJoin(root, \"data/../outside/secret.txt\"));", "AT0300",
            $"Permission denied: read access to {Real(Path.Combine(_outside, "secret.txt"))}");
        Refused(engine, "writeFile(pathJoin(root, \"data/../../escape.txt\"), \"x\");", "AT0300",
            $"Permission denied: write access to {Real(Path.Combine(_root, "..", "escape.txt"))}");
        // A sibling whose name starts with the granted one's is not inside it.
        Directory.CreateDirectory(_data + "2");
        Refused(engine, "readDir(pathJoin(root, \"data2\"));", "AT0300", $"Permission denied: read access to {Real(_data + "2")}");
    }

    [TestMethod]
    public void SymbolicLinksCannotLeaveAGrantedDirectory()
    {
        File.CreateSymbolicLink(Path.Combine(_data, "file-link"), Path.Combine(_outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_data, "dir-link"), _outside);
        var engine = Engine(AtlasPermissions.None.AllowRead(_data).AllowWrite(_data));
        var secret = Real(Path.Combine(_outside, "secret.txt"));
        Refused(engine, "readFile(pathJoin(root, \"data/file-link\"));", "AT0300", $"Permission denied: read access to {secret}");
        Refused(engine, "readFile(pathJoin(root, \"data/dir-link/secret.txt\"));", "AT0300", $"Permission denied: read access to {secret}");
        Refused(engine, "writeFile(pathJoin(root, \"data/dir-link/new.txt\"), \"x\");", "AT0300",
            $"Permission denied: write access to {Real(Path.Combine(_outside, "new.txt"))}");
        Refused(engine, "removeFile(pathJoin(root, \"data/file-link\"));", "AT0300", $"Permission denied: write access to {secret}");
        Assert.IsTrue(File.Exists(Path.Combine(_outside, "secret.txt")));
        Assert.IsFalse(File.Exists(Path.Combine(_outside, "new.txt")));
    }

    [TestMethod]
    public void AWriteGrantAllowsChangesUnderIt()
    {
        var engine = Engine(AtlasPermissions.None.AllowWrite(_data));
        engine.Evaluate("createDir(pathJoin(root, \"data/a/b\"));\nwriteFile(pathJoin(root, \"data/a/b/f.txt\"), \"1\");\n"
            + "appendFile(pathJoin(root, \"data/a/b/f.txt\"), \"2\");");
        Assert.AreEqual("12", File.ReadAllText(Path.Combine(_data, "a", "b", "f.txt")));
        Refused(engine, "readFile(pathJoin(root, \"data/a/b/f.txt\"));", "AT0300",
            $"Permission denied: read access to {Real(Path.Combine(_data, "a", "b", "f.txt"))}");
        engine.Evaluate("removeFile(pathJoin(root, \"data/a/b/f.txt\"));\nremoveDir(pathJoin(root, \"data/a/b\"));");
        Assert.IsFalse(Directory.Exists(Path.Combine(_data, "a", "b")));
    }

    [TestMethod]
    public void EnvironmentAccessIsItsOwnGrant()
    {
        var engine = Engine(AtlasPermissions.None with { Environment = true });
        Assert.AreEqual(Environment.GetEnvironmentVariable("PATH"), engine.Evaluate("getEnv(\"PATH\")"));
        Assert.IsNull(engine.Evaluate("getEnv(\"ATLAS_SURELY_UNSET_VARIABLE\")"));
        Assert.AreEqual(Directory.GetCurrentDirectory(), engine.Evaluate("getCwd()"));
        Assert.AreEqual(true, engine.Evaluate("isObject(listEnv())"));
        Refused(engine, "readFile(pathJoin(root, \"data/in.txt\"));", "AT0300",
            $"Permission denied: read access to {Real(Path.Combine(_data, "in.txt"))}");
    }

    [TestMethod]
    public void AllGrantsEverything()
    {
        var engine = Engine(AtlasPermissions.All);
        Assert.AreEqual("secret", engine.Evaluate("readFile(pathJoin(root, \"outside/secret.txt\"))"));
    }
}
