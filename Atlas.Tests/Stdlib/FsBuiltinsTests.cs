using Atlas.Hosting;
using Atlas.Tests.Support;
using Atlas.Vm;

namespace Atlas.Tests.Stdlib;

/// <summary>
/// The fs* helpers of stdlib.md §9.3 on a temporary directory: results with everything granted, refusals (AT0300/AT0303)
/// in an engine with the default (no) grants, and failures as AT0400 with the OS message.
/// </summary>
[TestClass]
public sealed class FsBuiltinsTests : IoTestBase
{
    private void MakeTree()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "t", "b", "c"));
        File.WriteAllText(Path.Combine(Dir, "t", "a.txt"), "12345");
        File.WriteAllText(Path.Combine(Dir, "t", "b", "B.md"), "");
        File.WriteAllText(Path.Combine(Dir, "t", "b", "c", "d.txt"), "x");
    }

    [TestMethod]
    public void MkdirMkdirpAndRmdir()
    {
        Eval("fsMkdir(pathJoin(dir, \"one\"));\nfsMkdirp(pathJoin(dir, \"two/three/four\"));\nfsMkdirp(pathJoin(dir, \"two/three\"));");
        Assert.IsTrue(Directory.Exists(Path.Combine(Dir, "one")));
        Assert.IsTrue(Directory.Exists(Path.Combine(Dir, "two", "three", "four")));
        FailsIo("fsMkdir(pathJoin(dir, \"one\"));", "Failed to create directory '" + Dir + "/one': File exists (os error 17)");
        FailsIo("fsMkdir(pathJoin(dir, \"no/such\"));",
            "Failed to create directory '" + Dir + "/no/such': No such file or directory (os error 2)");
        FailsIo("fsRmdir(pathJoin(dir, \"two\"));", $"Failed to remove directory '{Dir}/two': Directory not empty (os error 39)");
        Eval("fsRmdir(pathJoin(dir, \"one\"));\nfsRmdirRecursive(pathJoin(dir, \"two\"));");
        Assert.IsFalse(Directory.Exists(Path.Combine(Dir, "one")));
        Assert.IsFalse(Directory.Exists(Path.Combine(Dir, "two")));
        FailsIo("fsRmdirRecursive(pathJoin(dir, \"two\"));",
            "Failed to resolve path '" + Dir + "/two': No such file or directory (os error 2)");
        File.WriteAllText(Path.Combine(Dir, "f"), "");
        FailsIo("fsRmdirRecursive(pathJoin(dir, \"f\"));",
            $"Failed to remove directory recursively '{Dir}/f': Not a directory (os error 20)");
        Assert.IsTrue(File.Exists(Path.Combine(Dir, "f")));
    }

    [TestMethod]
    public void ReaddirAndWalkAreSorted()
    {
        MakeTree();
        Assert.AreEqual("[a.txt, b]", Eval("str(fsReaddir(pathJoin(dir, \"t\")))"));
        Assert.AreEqual("[a.txt, b, b/B.md, b/c, b/c/d.txt]", Eval("str(fsWalk(pathJoin(dir, \"t\")))"));
        Assert.AreEqual("[d.txt]", Eval("str(fsWalk(pathJoin(dir, \"t/b/x/../c\")))"));
        FailsIo("fsWalk(pathJoin(dir, \"t/a.txt\"));", $"Failed to read directory '{Dir}/t/a.txt': Not a directory (os error 20)");
    }

    [TestMethod]
    public void WalkListsALinkButDoesNotEnterIt()
    {
        MakeTree();
        Directory.CreateSymbolicLink(Path.Combine(Dir, "t", "loop"), Path.Combine(Dir, "t"));
        Assert.AreEqual("[a.txt, b, b/B.md, b/c, b/c/d.txt, loop]", Eval("str(fsWalk(pathJoin(dir, \"t\")))"));
    }

    [TestMethod]
    public void FilterAndSortEntries()
    {
        Assert.AreEqual("[a.txt, b/c/d.txt]", Eval("str(fsFilterEntries([\"a.txt\", \"b\", \"b/c/d.txt\", \"x.md\"], \"*.txt\"))"));
        Assert.AreEqual("[ab, abcb]", Eval("str(fsFilterEntries([\"ab\", \"abcb\", \"a\", \"b\", \"ba\"], \"a*b\"))"));
        Assert.AreEqual("[a]", Eval("str(fsFilterEntries([\"a\", \"aa\"], \"a\"))"));
        Assert.AreEqual("[axbxc, abc]", Eval("str(fsFilterEntries([\"axbxc\", \"axcxb\", \"abc\", \"ac\"], \"a*b*c\"))"));
        Assert.AreEqual("[a, B, c, D]", Eval("str(fsSortEntries([\"c\", \"D\", \"a\", \"B\"]))"));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => Eval("fsFilterEntries(\"a\", \"*\");"));
        Assert.AreEqual("Invalid argument to standard library function: fsFilterEntries(): expected array, got string", e.Message);
        e = Assert.ThrowsExactly<AtlasRuntimeException>(() => Eval("fsSortEntries();"));
        Assert.AreEqual("Invalid argument to standard library function: fsSortEntries(): expected 1 argument(s), got 0", e.Message);
    }

    [TestMethod]
    public void Metadata()
    {
        MakeTree();
        Assert.AreEqual(5.0, Eval("fsSize(pathJoin(dir, \"t/a.txt\"))"));
        Assert.AreEqual(0.0, Eval("fsSize(pathJoin(dir, \"t/b\"))"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(Dir, "t", "a.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            Assert.AreEqual(416.0, Eval("fsPermissions(pathJoin(dir, \"t/a.txt\"))"), "0o640");
        }
        var modified = (File.GetLastWriteTimeUtc(Path.Combine(Dir, "t", "a.txt")) - DateTime.UnixEpoch).TotalSeconds;
        Assert.AreEqual(modified, (double)Eval("fsMtime(pathJoin(dir, \"t/a.txt\"))")!, 1e-6);
        foreach (var name in new[] { "fsCtime", "fsAtime" })
            Assert.IsTrue((double)Eval($"{name}(pathJoin(dir, \"t/a.txt\"))")! > 1.6e9, name);
        Assert.AreEqual(true, Eval("fsIsDir(pathJoin(dir, \"t/b\"))"));
        Assert.AreEqual(false, Eval("fsIsDir(pathJoin(dir, \"t/a.txt\"))"));
        Assert.AreEqual(true, Eval("fsIsFile(pathJoin(dir, \"t/a.txt\"))"));
        Assert.AreEqual(false, Eval("fsIsFile(pathJoin(dir, \"t/none\"))"));
        FailsIo("fsSize(pathJoin(dir, \"none\"));", $"Failed to get metadata for '{Dir}/none': No such file or directory (os error 2)");
        FailsIo("fsMtime(\"\");", "Failed to resolve path '': No such file or directory (os error 2)");
    }

    [TestMethod]
    public void SymbolicLinks()
    {
        MakeTree();
        Eval("fsSymlink(\"t/b/c/d.txt\", pathJoin(dir, \"link\"));\nfsSymlink(pathJoin(dir, \"t/b\"), pathJoin(dir, \"dlink\"));");
        Assert.AreEqual("t/b/c/d.txt", Eval("fsReadlink(pathJoin(dir, \"link\"))"), "the target as written");
        Assert.AreEqual($"{Dir}/t/b", Eval("fsReadlink(pathJoin(dir, \"dlink\"))"));
        Assert.AreEqual(true, Eval("fsIsSymlink(pathJoin(dir, \"link\"))"));
        Assert.AreEqual(true, Eval("fsIsSymlink(pathJoin(dir, \"dlink\"))"));
        Assert.AreEqual(false, Eval("fsIsSymlink(pathJoin(dir, \"t/b\"))"));
        Eval("fsSymlink(\"nowhere\", pathJoin(dir, \"dangling\"));");
        Assert.AreEqual(true, Eval("fsIsSymlink(pathJoin(dir, \"dangling\"))"), "a dangling link is still a link");
        Assert.AreEqual(false, Eval("fsIsFile(pathJoin(dir, \"dangling\"))"));
        Assert.AreEqual($"{Dir}/t/b/c", Eval("fsResolveSymlink(pathJoin(dir, \"dlink/c\"))"));
        Assert.AreEqual(true, Eval("fsIsDir(pathJoin(dir, \"dlink\"))"), "fsIsDir follows the link");
        FailsIo("fsReadlink(pathJoin(dir, \"t/a.txt\"));", $"Failed to read symlink '{Dir}/t/a.txt': Invalid argument (os error 22)");
        FailsIo("fsIsSymlink(pathJoin(dir, \"none\"));",
            $"Failed to get metadata for '{Dir}/none': No such file or directory (os error 2)");
        FailsIo("fsSymlink(\"x\", pathJoin(dir, \"link\"));", $"Failed to create symlink '{Dir}/link' -> 'x': File exists (os error 17)");
        FailsIo("fsResolveSymlink(pathJoin(dir, \"none\"));",
            $"Failed to resolve symlink '{Dir}/none': No such file or directory (os error 2)");
    }

    [TestMethod]
    public void ALinkIsCheckedWhereItIsAndFollowedWhereItLeads()
    {
        var outside = Directory.CreateDirectory(Path.Combine(Dir, "outside")).FullName;
        var inside = Directory.CreateDirectory(Path.Combine(Dir, "in")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "s");
        File.CreateSymbolicLink(Path.Combine(inside, "out"), Path.Combine(outside, "secret.txt"));
        var engine = Engine(AtlasPermissions.None.AllowRead(inside).AllowWrite(inside));
        Assert.AreEqual(true, engine.Evaluate("fsIsSymlink(pathJoin(dir, \"in/out\"))"));
        Assert.AreEqual($"{outside}/secret.txt", engine.Evaluate("fsReadlink(pathJoin(dir, \"in/out\"))"));
        Fails(engine, "fsResolveSymlink(pathJoin(dir, \"in/out\"));", "AT0300", $"Permission denied: read access to {outside}/secret.txt");
        Fails(engine, "fsSize(pathJoin(dir, \"in/out\"));", "AT0300", $"Permission denied: read access to {outside}/secret.txt");
        Fails(engine, "fsSymlink(\"in\", pathJoin(dir, \"outside/l\"));", "AT0300", $"Permission denied: write access to {outside}/l");
        Fails(engine, "fsIsSymlink(pathJoin(dir, \"outside/secret.txt\"));", "AT0300",
            $"Permission denied: read access to {outside}/secret.txt");
        engine.Evaluate("fsSymlink(\"/etc\", pathJoin(dir, \"in/etc\"));");
        Fails(engine, "fsWalk(pathJoin(dir, \"in/etc\"));", "AT0300", $"Permission denied: read access to {RealPath.Resolve("/etc")}");
    }

    [TestMethod]
    public void TemporaryFilesAreNewEachTime()
    {
        var temp = Path.GetTempPath().TrimEnd('/');
        var paths = new[] { (string)Eval("fsTmpfile()")!, (string)Eval("fsTmpfile()")!, (string)Eval("fsTmpfileNamed(\"report\")")! };
        var folder = (string)Eval("fsTmpdir()")!;
        try
        {
            Assert.AreEqual(3, paths.Distinct().Count());
            foreach (var p in paths) Assert.IsTrue(File.Exists(p) && new FileInfo(p).Length == 0 && Path.GetDirectoryName(p) == temp, p);
            StringAssert.StartsWith(Path.GetFileName(paths[0]), "atlas_tmp_");
            StringAssert.StartsWith(Path.GetFileName(paths[2]), "report_");
            StringAssert.EndsWith(paths[2], ".tmp");
            Assert.IsTrue(Directory.Exists(folder) && Path.GetFileName(folder).StartsWith("atlas_tmp_dir_", StringComparison.Ordinal));
            Assert.AreEqual(temp, Eval("fsGetTempDir()"));
        }
        finally
        {
            foreach (var p in paths) File.Delete(p);
            Directory.Delete(folder);
        }
    }

    [TestMethod]
    public void EachHelperIsRefusedWithoutAGrant()
    {
        MakeTree();
        var engine = Engine(AtlasPermissions.None);
        var t = Path.Combine(Dir, "t");
        string[] readers =
            ["fsReaddir", "fsWalk", "fsSize", "fsMtime", "fsCtime", "fsAtime", "fsPermissions", "fsIsDir", "fsIsFile", "fsResolveSymlink",
             "fsReadlink", "fsIsSymlink"];
        foreach (var name in readers)
            Fails(engine, $"{name}(pathJoin(dir, \"t\"));", "AT0300", $"Permission denied: read access to {t}");
        foreach (var name in new[] { "fsMkdir", "fsMkdirp", "fsRmdir", "fsRmdirRecursive" })
            Fails(engine, $"{name}(pathJoin(dir, \"t/b/c\"));", "AT0300", $"Permission denied: write access to {t}/b/c");
        Fails(engine, "fsSymlink(\"a.txt\", pathJoin(dir, \"t/l\"));", "AT0300", $"Permission denied: write access to {t}/l");
        var temp = RealPath.Resolve(Path.GetTempPath());
        foreach (var call in new[] { "fsTmpfile()", "fsTmpdir()", "fsTmpfileNamed(\"x\")" })
        {
            var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate(call + ";"));
            Assert.AreEqual("AT0300", e.Code, call);
            StringAssert.StartsWith(e.Message, $"Permission denied: write access to {temp}/", call);
        }
        Fails(engine, "fsGetTempDir();", "AT0303", "Permission denied: environment variable TMPDIR");
        Assert.IsTrue(Directory.Exists(Path.Combine(t, "b", "c")), "nothing was removed");
        Assert.AreEqual("[a]", engine.Evaluate("str(fsSortEntries(fsFilterEntries([\"a\", \"b\"], \"a*\")))"),
            "pure helpers need no grant");
    }

    [TestMethod]
    public void AWriteGrantDoesNotAllowListing()
    {
        MakeTree();
        var engine = Engine(AtlasPermissions.None.AllowWrite(Dir));
        engine.Evaluate("fsMkdirp(pathJoin(dir, \"n/m\"));\nfsRmdirRecursive(pathJoin(dir, \"t\"));");
        Assert.IsTrue(Directory.Exists(Path.Combine(Dir, "n", "m")));
        Assert.IsFalse(Directory.Exists(Path.Combine(Dir, "t")));
        Fails(engine, "fsWalk(dir);", "AT0300", $"Permission denied: read access to {Dir}");
    }
}
