using System.Text;
using Atlas.Hosting;
using Atlas.Tests.Support;
using Atlas.Vm;

namespace Atlas.Tests.Stdlib;

/// <summary>File I/O of stdlib.md §9.3 with everything granted: results, and failures as AT0400 with the OS message.</summary>
[TestClass]
public sealed class FileBuiltinsTests : IoTestBase
{
    [TestMethod]
    public void WriteAppendReadRoundTrip()
    {
        Eval("let p = pathJoin(dir, \"a.txt\");\nwriteFile(p, \"héllo 🌍\\n\");\nappendFile(p, \"more\");");
        Assert.AreEqual("héllo 🌍\nmore", Eval("readFile(pathJoin(dir, \"a.txt\"))"));
        Assert.AreEqual("héllo 🌍\nmore", File.ReadAllText(Path.Combine(Dir, "a.txt"), Encoding.UTF8));
        Assert.AreEqual(true, Eval("fileExists(pathJoin(dir, \"a.txt\"))"));
        Assert.AreEqual(false, Eval("fileExists(pathJoin(dir, \"b.txt\"))"));
    }

    [TestMethod]
    public void DirectoriesAndInfo()
    {
        Eval("createDir(pathJoin(dir, \"x/y\"));\nwriteFile(pathJoin(dir, \"x/b.txt\"), \"12345\");\nwriteFile(pathJoin(dir, \"x/a.txt\"), \"\");");
        Assert.AreEqual("[a.txt, b.txt, y]", Eval("str(readDir(pathJoin(dir, \"x\")))"));
        Assert.AreEqual(5.0, Eval("fileInfo(pathJoin(dir, \"x/b.txt\"))[\"size\"].as_number()"));
        Assert.AreEqual(true, Eval("fileInfo(pathJoin(dir, \"x/y\"))[\"isDir\"].as_bool()"));
        Assert.AreEqual(false, Eval("fileInfo(pathJoin(dir, \"x/y\"))[\"isFile\"].as_bool()"));
        Assert.IsTrue((double)Eval("fileInfo(pathJoin(dir, \"x/b.txt\"))[\"modified\"].as_number()")! > 1.6e9);
        Eval("removeDir(pathJoin(dir, \"x/y\"));\nremoveFile(pathJoin(dir, \"x/a.txt\"));");
        Assert.AreEqual("[b.txt]", Eval("str(readDir(pathJoin(dir, \"x\")))"));
    }

    [TestMethod]
    public void FailuresCarryTheOsMessage()
    {
        FailsIo("readFile(\"no-such-file.txt\");", "Failed to resolve path 'no-such-file.txt': No such file or directory (os error 2)");
        FailsIo("readFile(dir);", $"Failed to read file '{Dir}': Is a directory (os error 21)");
        FailsIo("writeFile(dir, \"x\");", $"Failed to write file '{Dir}': Is a directory (os error 21)");
        FailsIo("writeFile(pathJoin(dir, \"no/x.txt\"), \"x\");", $"Failed to write file '{Dir}/no/x.txt': No such file or directory (os error 2)");
        Eval("writeFile(pathJoin(dir, \"f\"), \"x\");\ncreateDir(pathJoin(dir, \"d/e\"));");
        FailsIo("readDir(pathJoin(dir, \"f\"));", $"Failed to read directory '{Dir}/f': Not a directory (os error 20)");
        FailsIo("removeDir(pathJoin(dir, \"d\"));", $"Failed to remove directory '{Dir}/d': Directory not empty (os error 39)");
        FailsIo("removeFile(pathJoin(dir, \"d\"));", $"Failed to remove file '{Dir}/d': Is a directory (os error 21)");
        FailsIo("fileInfo(\"\");", "Failed to resolve path '': No such file or directory (os error 2)");
    }

    [TestMethod]
    public void ANonUtf8FileIsAnErrorNotMojibake()
    {
        File.WriteAllBytes(Path.Combine(Dir, "latin1.txt"), [0x63, 0x61, 0x66, 0xE9]);
        FailsIo("readFile(pathJoin(dir, \"latin1.txt\"));", $"Failed to read file '{Dir}/latin1.txt': stream did not contain valid UTF-8");
    }

    [TestMethod]
    public void AFileBeyondTheStringLimitIsAMemoryError()
    {
        var path = Path.Combine(Dir, "huge.bin");
        using (var f = File.Create(path)) f.SetLength(SizeLimits.MaxStringLength + 1L); // sparse: no disk space used
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => Eval("readFile(pathJoin(dir, \"huge.bin\"));"));
        Assert.AreEqual("AT0011", e.Code);
        Assert.AreEqual(2.0, Eval("1 + 1"));
    }

    [TestMethod]
    public void ArgumentsAreChecked()
    {
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => Eval("readFile(1);"));
        Assert.AreEqual("Invalid argument to standard library function: readFile(): expected string, got number", e.Message);
        e = Assert.ThrowsExactly<AtlasRuntimeException>(() => Eval("writeFile(\"a\");"));
        Assert.AreEqual("Invalid argument to standard library function: writeFile(): expected 2 argument(s), got 1", e.Message);
    }
}
