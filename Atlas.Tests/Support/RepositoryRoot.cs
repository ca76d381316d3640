namespace Atlas.Tests.Support;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries that holds Atlas.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Atlas.sln"))) return dir.FullName;
        throw new InvalidOperationException("no Atlas.sln above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository's root folder.</summary>
    public static string Path => Root.Value;

    /// <summary>A path inside the repository, from its parts relative to the root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}
