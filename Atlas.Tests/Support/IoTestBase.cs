using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Support;

/// <summary>
/// Base of the file-builtin test classes: a fresh temporary directory per test (by its real path, links resolved),
/// engines that see it as the global <c>dir</c>, and the assertion that a script stops with a given runtime error.
/// </summary>
public abstract class IoTestBase
{
    /// <summary>The temporary directory of the running test.</summary>
    protected string Dir { get; private set; } = "";

    /// <summary>An engine with every permission, for the test's scripts.</summary>
    protected AtlasEngine Granted { get; private set; } = null!;

    [TestInitialize]
    public void CreateDirectory()
    {
        Dir = RealPath.Resolve(TempFiles.NewDirectory("atlas-io-"));
        Granted = Engine(AtlasPermissions.All);
    }

    [TestCleanup]
    public void RemoveDirectory() => Directory.Delete(Dir, recursive: true);

    protected AtlasEngine Engine(AtlasPermissions permissions) => Engine(permissions, "dir", Dir);

    /// <summary>An engine with <paramref name="permissions"/> and the string global <paramref name="name"/> set to
    /// <paramref name="directory"/>.</summary>
    internal static AtlasEngine Engine(AtlasPermissions permissions, string name, string directory)
    {
        var engine = new AtlasEngine(new AtlasOptions { Output = TextWriter.Null, Permissions = permissions });
        engine.SetGlobal(name, directory);
        return engine;
    }

    protected object? Eval(string source) => Granted.Evaluate(source);

    /// <summary>Asserts that <paramref name="source"/> stops with <paramref name="code"/> and <paramref name="message"/>, and that
    /// the engine is usable afterwards.</summary>
    internal static AtlasRuntimeException Fails(AtlasEngine engine, string source, string code, string message)
    {
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate(source));
        Assert.AreEqual(code, e.Code, e.Message);
        Assert.AreEqual(message, e.Message);
        Assert.AreEqual(2.0, engine.Evaluate("1 + 1"), "the engine is usable afterwards");
        return e;
    }

    protected void FailsIo(string source, string message) => Fails(Granted, source, "AT0400", message);
}
