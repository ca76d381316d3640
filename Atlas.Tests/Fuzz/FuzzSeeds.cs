using Atlas.Syntax;

namespace Atlas.Tests.Fuzz;

/// <summary>
/// Real Atlas programs that the mutation generator starts from: the test corpus (including the benchmark programs),
/// the examples and the fuzz regression corpus, as copied next to the test assembly.
/// </summary>
public static class FuzzSeeds
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

/// <summary>One seed program and its tokens with the text (whitespace, comments) before each.</summary>
public sealed class SeedProgram
{
    public string Name { get; }
    public string Source { get; }
    public string[] Lines { get; }
    /// <summary>(leading trivia, token text) pairs; joined they give back the source. Empty if the seed does not lex.</summary>
    public (string Trivia, string Text, TokenKind Kind)[] Pieces { get; }
    public string Tail { get; }
    /// <summary>Whether the unmutated program compiles (checked lazily, once).</summary>
    public bool Compiles => _compiles.Value;
    private readonly Lazy<bool> _compiles;

    public SeedProgram(string name, string source)
    {
        Name = name;
        Source = source;
        Lines = source.Split('\n');
        _compiles = new Lazy<bool>(() => global::Atlas.Hosting.Pipeline.Compile(source).Success);
        var lexed = Lexer.Lex(source);
        if (lexed.HasErrors)
        {
            Pieces = [];
            Tail = source;
            return;
        }
        var pieces = new List<(string, string, TokenKind)>();
        int at = 0;
        foreach (var token in lexed.Tokens)
        {
            if (token.Kind == TokenKind.Eof || token.Span.Start == token.Span.End) continue;
            pieces.Add((source[at..token.Span.Start], source[token.Span.Start..token.Span.End], token.Kind));
            at = token.Span.End;
        }
        Pieces = [.. pieces];
        Tail = source[at..];
    }
}
