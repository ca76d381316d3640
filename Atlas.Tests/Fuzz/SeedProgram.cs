using Atlas.Syntax;

namespace Atlas.Tests.Fuzz;

/// <summary>One seed program and its tokens with the text (whitespace, comments) before each.</summary>
internal sealed class SeedProgram
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
