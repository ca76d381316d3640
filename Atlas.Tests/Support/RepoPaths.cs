namespace Atlas.Tests.Support;

/// <summary>The repository checkout the tests run from (the folder holding Atlas.sln above the test output).</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Atlas.sln"))) return dir.FullName;
        throw new InvalidOperationException("no Atlas.sln above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;
}
