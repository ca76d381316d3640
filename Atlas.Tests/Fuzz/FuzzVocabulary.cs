using Atlas.Stdlib;

namespace Atlas.Tests.Fuzz;

/// <summary>Atlas's token vocabulary (language.md §2) plus "interesting" literals, shared by the token and mutation generators.</summary>
public static class FuzzVocabulary
{
    public static readonly string[] Keywords =
    [
        "let", "var", "fn", "type", "if", "else", "while", "for", "in", "return", "break", "continue", "true", "false", "null",
        "import", "export", "from", "extern", "match", "as", "extends", "is", "own", "borrow", "shared", "trait", "impl",
    ];

    public static readonly string[] Operators =
    [
        "+", "-", "*", "/", "%", "!", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "&", "|",
        "+=", "-=", "*=", "/=", "%=", "++", "--", "=", "(", ")", "{", "}", "[", "]", ";", ",", ".", ":", "->", "=>", "_", "?",
    ];

    /// <summary>Names the checker treats specially: types, constructors, constants.</summary>
    public static readonly string[] SpecialNames =
    [
        "number", "string", "bool", "void", "json", "Option", "Result", "HashMap", "HashSet", "Array", "Queue", "Stack",
        "Some", "None", "Ok", "Err", "PI", "E", "SQRT2", "LN2", "LN10", "T", "U", "main", "x", "y", "i", "n", "a", "f", "g",
    ];

    public static readonly string[] Numbers =
    [
        "0", "1", "2", "3", "10", "255", "0.5", "1.5", "-1", "1e308", "1e-308", "5e-324", "1e999", "00", "007",
        "4294967296", "9007199254740993", "1.7976931348623157e308", "123456789012345678901234567890", "1.", "0.1",
    ];

    public static readonly string[] Strings =
    [
        "\"\"", "\"a\"", "\"hello\"", "\"a,b,,c\"", "\"\\n\\t\\\\\\\"\"", "\"日本語\"", "\"🌍x\"", "\"ß\"", "\"  pad  \"",
        "\"line\nbreak\"", "\"42\"", "\"-3.5e2\"", "\"true\"",
    ];

    public static readonly string[] Comments = ["// c\n", "/* c */", "/* a\nb */", "/// doc\n"];

    /// <summary>Tokens the lexer rejects. Any one of them stops the pipeline before the parser, so they are rare.</summary>
    public static readonly string[] LexerErrors = ["@", "#", "2e", "1e+", "\"\\q\"", "\"unterminated", "\"\\", "/* unterminated", "'", "`"];

    public static readonly string[] Separators = [" ", " ", " ", "", "\n", "\t", "  ", "\r\n"];

    /// <summary>Builtins and the special names: what an identifier in a mutated program is replaced with.</summary>
    public static readonly string[] Identifiers = [.. BuiltinNames.Tier1, .. SpecialNames];

    /// <summary>Any single token, weighted towards tokens the parser can use (one lexer error stops the pipeline early).</summary>
    public static string RandomToken(Random random)
    {
        int roll = random.Next(1000);
        return roll switch
        {
            < 300 => Operators[random.Next(Operators.Length)],
            < 500 => Keywords[random.Next(Keywords.Length)],
            < 720 => Identifiers[random.Next(Identifiers.Length)],
            < 840 => Numbers[random.Next(Numbers.Length)],
            < 940 => Strings[random.Next(Strings.Length)],
            < 970 => Comments[random.Next(Comments.Length)],
            < 997 => random.Next(2) == 0 ? "\u00e9t\u00e9" : "_x1",
            _ => LexerErrors[random.Next(LexerErrors.Length)],
        };
    }
}
