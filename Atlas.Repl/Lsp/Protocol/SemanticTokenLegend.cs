namespace Atlas.Repl.Lsp.Protocol;

/// <summary>The semantic token types and modifiers this server uses; a token's type is its index in <see cref="Types"/>.</summary>
internal static class SemanticTokenLegend
{
    public static readonly string[] Types =
        ["keyword", "function", "variable", "parameter", "type", "string", "number", "operator", "comment"];
    public static readonly string[] Modifiers = ["declaration", "readonly", "defaultLibrary"];

    public const int Keyword = 0, Function = 1, Variable = 2, Parameter = 3, Type = 4, String = 5, Number = 6, Operator = 7, Comment = 8;
    public const int DeclarationBit = 1, ReadonlyBit = 2, DefaultLibraryBit = 4;

    public static object Legend => new { tokenTypes = Types, tokenModifiers = Modifiers };
}
