namespace Atlas.Tests.Fuzz;

/// <summary>
/// Real Atlas programs that the mutation generator starts from: the test corpus (including the benchmark programs),
/// the examples and the fuzz regression corpus, as copied next to the test assembly.
/// </summary>
internal static class FuzzSeeds
{
    /// <summary>Folders under the output directory that hold seed programs.</summary>
    public static readonly string[] Folders = ["Corpus", "Examples", "FuzzCorpus"];

    private static readonly Lazy<IReadOnlyList<SeedProgram>> s_all = new(Load);
    private static readonly Lazy<IReadOnlyList<SeedProgram>> s_valid = new(() => s_all.Value.Where(s => s.Compiles).ToList() is { Count: > 0 } v ? v : s_all.Value);

    public static IReadOnlyList<SeedProgram> All => s_all.Value;
    /// <summary>The seeds that compile without errors: mutants of these get furthest.</summary>
    public static IReadOnlyList<SeedProgram> Valid => s_valid.Value;

    private static List<SeedProgram> Load()
    {
        var seeds = new List<SeedProgram>();
        foreach (var folder in Folders)
        {
            var root = Path.Combine(AppContext.BaseDirectory, folder);
            if (!Directory.Exists(root)) continue;
            foreach (var file in Directory.EnumerateFiles(root, "*.atl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                seeds.Add(new SeedProgram(Path.GetRelativePath(AppContext.BaseDirectory, file), File.ReadAllText(file)));
        }
        if (seeds.Count == 0) seeds.Add(new SeedProgram("builtin", "fn f(n: number) -> number { return n * 2; }\nprint(f(21));\n"));
        return seeds;
    }
}
