namespace Atlas.Tests.Support;

/// <summary>
/// Temporary files and folders of the tests, all inside one folder of this test process
/// (<c>atlas-tests-PID</c> in the system's temporary directory), which is removed when the test assembly is done,
/// whatever the tests left behind. Compiled into each test project, so each has its own folder and its own cleanup.
/// </summary>
[TestClass]
public static class TempFiles
{
    private static readonly string RootPath = Path.Combine(Path.GetTempPath(), "atlas-tests-" + Environment.ProcessId);
    private static readonly Lazy<string> RootFolder = new(() => Directory.CreateDirectory(RootPath).FullName);

    /// <summary>The folder of this test process, created on first use.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>A fresh path in <see cref="Root"/>, nothing created yet: <paramref name="prefix"/>, a unique part and
    /// <paramref name="extension"/> (with its dot, or empty).</summary>
    public static string NewPath(string prefix, string extension = "") => Path.Combine(Root, $"{prefix}{Guid.NewGuid():N}{extension}");

    /// <summary>A new file in <see cref="Root"/> holding <paramref name="contents"/>; its path as <see cref="NewPath"/> makes it.</summary>
    public static string NewFile(string prefix, string extension, string contents)
    {
        var path = NewPath(prefix, extension);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>A new, empty folder in <see cref="Root"/>; its path as <see cref="NewPath"/> makes it.</summary>
    public static string NewDirectory(string prefix) => Directory.CreateDirectory(NewPath(prefix)).FullName;

    /// <summary>Removes the folder of this test process with everything in it, once every test has run.</summary>
    [AssemblyCleanup]
    public static void RemoveAll()
    {
        if (Directory.Exists(RootPath)) Directory.Delete(RootPath, recursive: true);
    }
}
