using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

/// <summary>The path builtins of stdlib.md §9.4, with Rust's std::path results as the reference computes them (Unix).</summary>
[TestClass]
public sealed class PathBuiltinsTests
{
    [TestMethod]
    public void Join()
    {
        Assert.AreEqual("foo/bar/baz.txt", Show("pathJoin", "foo", "bar", "baz.txt"));
        Assert.AreEqual("foo/bar", Show("pathJoin", "foo", "", "bar"));
        Assert.AreEqual("/etc/x", Show("pathJoin", "a", "/etc", "x"));
        Assert.AreEqual("a/b", Show("pathJoin", "a/", "b"));
        Assert.AreEqual(".", Show("pathJoin"));
        Assert.AreEqual("a/b", Show("pathJoinArray", Arr("a", "b")));
        FailsType("segment 1 must be a string", "pathJoinArray", Arr("a", 1));
    }

    [TestMethod]
    public void Parts()
    {
        Assert.AreEqual("/foo/bar", Show("pathDirname", "/foo/bar/baz.txt"));
        Assert.AreEqual("", Show("pathDirname", "baz.txt"));
        Assert.AreEqual("", Show("pathParent", "/"));
        Assert.AreEqual("/", Show("pathParent", "/foo"));
        Assert.AreEqual("bar", Show("pathBasename", "/foo/bar/"));
        Assert.AreEqual("", Show("pathBasename", "/foo/.."));
        Assert.AreEqual("gz", Show("pathExtension", "a/b.tar.gz"));
        Assert.AreEqual("", Show("pathExtension", ".bashrc"));
        Assert.AreEqual("", Show("pathExtension", "noext"));
        var parsed = Call("pathParse", "/home/u/file.tar.gz").AsMap;
        string Field(string k) => parsed.Entries[new HashKey(Value.String(k))].AsString;
        Assert.AreEqual("/|/home/u|file.tar.gz|gz|file.tar", string.Join("|", Field("root"), Field("dir"), Field("base"), Field("ext"), Field("name")));
    }

    [TestMethod]
    public void NormalizeAndCompare()
    {
        Assert.AreEqual("b", Show("pathNormalize", "a/../b/./c/.."));
        Assert.AreEqual("./b", Show("pathNormalize", "./a/../b"));
        Assert.AreEqual("../x", Show("pathNormalize", "../x"));
        Assert.AreEqual(".", Show("pathNormalize", "../.."), "PathBuf::pop removes a '..' too (reference behaviour)");
        Assert.AreEqual("/a", Show("pathNormalize", "//a//"));
        Assert.IsTrue(Call("pathEquals", "a//b/", "a/./b").AsBool);
        Assert.IsFalse(Call("pathEquals", "a/b", "/a/b").AsBool);
        Assert.IsTrue(Call("pathIsAbsolute", "/x").AsBool);
        Assert.IsTrue(Call("pathIsRelative", "x").AsBool);
    }

    [TestMethod]
    public void RelativeBetweenAbsolutePaths()
    {
        Assert.AreEqual("../../d", Show("pathRelative", "/a/b/c", "/a/d"));
        Assert.AreEqual("c", Show("pathRelative", "/a/b", "/a/b/c"));
        Assert.AreEqual("", Show("pathRelative", "/a", "/a"));
    }

    [TestMethod]
    public void ConstantsAndConversions()
    {
        Assert.AreEqual("/", Show("pathSeparator"));
        Assert.AreEqual(":", Show("pathDelimiter"));
        Assert.AreEqual(".", Show("pathExtSeparator"));
        Assert.AreEqual("a/b/c", Show("pathToPosix", "a\\b/c"));
        Assert.AreEqual("a\\b\\c", Show("pathToWindows", "a/b\\c"));
        Assert.AreEqual("a/b/c", Show("pathToPlatform", "a\\b/c"));
        Assert.AreEqual("", Show("pathDrive", "/x"));
        FailsStdlib("pathSeparator(): expected 0 argument(s), got 1", "pathSeparator", 1);
        FailsStdlib("pathBasename(): expected string, got number", "pathBasename", 1);
    }

    [TestMethod]
    public void WithoutPermissionsTheFileSystemAndEnvironmentAreRefused()
    {
        Assert.AreEqual("AT0300", Fails("pathExists", "/").Code);
        Assert.AreEqual("AT0300", Fails("pathCanonical", "/").Code);
        Assert.AreEqual("AT0303", Fails("pathCwd").Code);
        Assert.AreEqual("AT0303", Fails("pathAbsolute", "x").Code);
        Assert.AreEqual("/x", Show("pathAbsolute", "/x"), "an absolute path needs no environment");
    }
}
