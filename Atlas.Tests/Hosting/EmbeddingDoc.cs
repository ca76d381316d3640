using Atlas.Tests.Support;

namespace Atlas.Tests.Hosting;

/// <summary>
/// docs/embedding.md as the tests read it: its C# blocks are the example files of the test projects, verbatim, each
/// followed by a <c>text</c> block with what the example prints. Linked into Atlas.Jit.Tests for the JIT example.
/// </summary>
internal static class EmbeddingDoc
{
    private static readonly Lazy<string> Doc = new(() => Read("docs/embedding.md"));

    public static string Text => Doc.Value;

    /// <summary>The example files, as paths relative to the repository.</summary>
    public static IReadOnlyList<string> ExampleFiles =>
        new[] { "Atlas.Tests/Hosting/Examples", "Atlas.Jit.Tests/Hosting/Examples" }
            .SelectMany(dir => Directory.EnumerateFiles(RepositoryRoot.Combine(dir), "*.cs").Order()
                .Select(f => dir + "/" + Path.GetFileName(f)))
            .ToList();

    /// <summary>Every fenced block of the document with its language tag, in order.</summary>
    public static IReadOnlyList<(string Language, string Content)> Blocks()
    {
        var blocks = new List<(string, string)>();
        var lines = Text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            string language = lines[i][3..].Trim();
            int start = ++i;
            while (i < lines.Length && lines[i] != "```") i++;
            blocks.Add((language, string.Join('\n', lines[start..i]) + "\n"));
        }
        return blocks;
    }

    /// <summary>The source of an example file, normalised to \n line ends.</summary>
    public static string Read(string relativePath) =>
        File.ReadAllText(RepositoryRoot.Combine(relativePath)).ReplaceLineEndings("\n");

    /// <summary>What the document says an example prints: the text block right after the example's code.</summary>
    public static string OutputOf(string exampleFile)
    {
        var source = Read(exampleFile);
        var blocks = Blocks();
        int at = blocks.ToList().FindIndex(b => b.Language == "csharp" && b.Content == source);
        if (at < 0) throw new InvalidOperationException($"docs/embedding.md does not include {exampleFile} verbatim");
        if (at + 1 >= blocks.Count || blocks[at + 1].Language != "text")
            throw new InvalidOperationException($"docs/embedding.md shows no output after {exampleFile}");
        return blocks[at + 1].Content;
    }
}
