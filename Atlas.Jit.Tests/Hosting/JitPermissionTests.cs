using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Tests.Support;
using Atlas.Vm;

namespace Atlas.Jit.Tests.Hosting;

/// <summary>The permission refusals of Atlas.Tests' PermissionTests, from functions the JIT compiled on their first call.</summary>
[TestClass]
public sealed class JitPermissionTests
{
    [TestMethod]
    public void CompiledCodeIsRefusedLikeInterpretedCode()
    {
        var root = RealPath.Resolve(TempFiles.NewDirectory("atlas-jitperm-"));
        try
        {
            var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
            File.WriteAllText(Path.Combine(root, "secret.txt"), "secret");
            File.WriteAllText(Path.Combine(data, "ok.txt"), "ok");
            var options = new AtlasOptions { Output = TextWriter.Null, Jit = { Threshold = 1 } }.UseJit();
            options.Permissions = AtlasPermissions.None.AllowRead(data);
            var engine = new AtlasEngine(options);
            engine.SetGlobal("data", data);
            engine.Evaluate("fn read(name: string) -> string { return readFile(pathJoin(data, name)); }");
            Assert.AreEqual("ok", engine.Evaluate("read(\"ok.txt\")"));
            Assert.IsNotNull(engine.GetGlobalValue("read").AsFunction.Proto.Compiled, "read() was compiled");
            var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("read(\"../secret.txt\")"));
            Assert.AreEqual("AT0300", e.Code);
            Assert.AreEqual($"Permission denied: read access to {Path.Combine(root, "secret.txt")}", e.Message);
            engine.Evaluate("fn walk(name: string) -> string[] { return fsWalk(pathJoin(data, name)); }");
            Assert.AreEqual(1.0, engine.Evaluate("len(walk(\".\"))"));
            e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("walk(\"..\");"));
            Assert.AreEqual("AT0300", e.Code);
            Assert.AreEqual($"Permission denied: read access to {root}", e.Message);
            e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("fn mk() { fsMkdirp(pathJoin(data, \"new\")); }\nmk();"));
            Assert.AreEqual("AT0300", e.Code);
            Assert.IsFalse(Directory.Exists(Path.Combine(data, "new")));
            e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("fn env() { getEnv(\"HOME\"); }\nenv();"));
            Assert.AreEqual("AT0303", e.Code);
            Assert.AreEqual("ok", engine.Evaluate("read(\"ok.txt\")"), "the engine is usable afterwards");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
