using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Tests.Syntax;

[TestClass]
public sealed class LexerTests
{
    private static List<Token> Tokens(string source, bool allowErrors = false)
    {
        var result = Lexer.Lex(source);
        if (!allowErrors) Assert.IsEmpty(result.Diagnostics, string.Join("; ", result.Diagnostics));
        return result.Tokens.ToList();
    }

    /// <summary>Kinds without the trailing (possibly synthesized) ';' and the Eof.</summary>
    private static string Kinds(string source) =>
        string.Join(" ", Tokens(source + ";").SkipLast(2).Select(t => t.Kind));

    [TestMethod]
    [DataRow("+ - * / % !", "Plus Minus Star Slash Percent Bang")]
    [DataRow("== != < <= > >=", "EqualEqual BangEqual Less LessEqual Greater GreaterEqual")]
    [DataRow("&& || & |", "AmpAmp PipePipe Ampersand Pipe")]
    [DataRow("+= -= *= /= %= ++ -- =", "PlusEqual MinusEqual StarEqual SlashEqual PercentEqual PlusPlus MinusMinus Equal")]
    [DataRow("( ) { } [ ]", "LeftParen RightParen LeftBrace RightBrace LeftBracket RightBracket")]
    [DataRow("; , : . -> => _ ?", "Semicolon Comma Colon Dot Arrow FatArrow Underscore Question")]
    [DataRow("x 1 \"s\"", "Identifier Number String")]
    public void EveryOperatorAndPunctuationToken(string source, string expected) => Assert.AreEqual(expected, Kinds(source));

    [TestMethod]
    [DataRow("a--b", "Identifier MinusMinus Identifier")]
    [DataRow("a - -b", "Identifier Minus Minus Identifier")]
    [DataRow("+++", "PlusPlus Plus")]
    [DataRow("++=", "PlusPlus Equal")]
    [DataRow("-->", "MinusMinus Greater")]
    [DataRow("->=", "Arrow Equal")]
    [DataRow("===", "EqualEqual Equal")]
    [DataRow("=>=", "FatArrow Equal")]
    [DataRow("!==", "BangEqual Equal")]
    [DataRow("&&&", "AmpAmp Ampersand")]
    [DataRow("|||", "PipePipe Pipe")]
    [DataRow("a<=b", "Identifier LessEqual Identifier")]
    public void LongestMatch(string source, string expected) => Assert.AreEqual(expected, Kinds(source));

    [TestMethod]
    public void EveryKeyword()
    {
        const string words = "let var fn type if else while for in return break continue true false null import export from extern match as extends is own borrow shared trait impl";
        const string kinds = "Let Var Fn Type If Else While For In Return Break Continue True False Null Import Export From Extern Match As Extends Is Own Borrow Shared Trait Impl";
        Assert.AreEqual(kinds, Kinds(words));
        Assert.IsTrue(Tokens(words).SkipLast(2).All(t => Lexer.IsKeyword(t.Kind)));
    }

    [TestMethod]
    [DataRow("typeof")]
    [DataRow("print")]
    [DataRow("Some")]
    [DataRow("None")]
    [DataRow("Ok")]
    [DataRow("Err")]
    [DataRow("void")]
    [DataRow("number")]
    [DataRow("string")]
    [DataRow("bool")]
    [DataRow("json")]
    [DataRow("Let")]
    [DataRow("lets")]
    [DataRow("_x")]
    [DataRow("__")]
    [DataRow("x_1")]
    [DataRow("café")]
    [DataRow("变量")]
    [DataRow("x\u0661")] // Arabic-Indic digit one
    [DataRow("\U0001D465y")] // mathematical italic x: a letter outside the BMP
    public void IdentifiersThatAreNotKeywords(string word)
    {
        var tokens = Tokens(word + ";");
        Assert.AreEqual(TokenKind.Identifier, tokens[0].Kind);
        Assert.AreEqual(word, tokens[0].Text);
        Assert.AreEqual(new TextSpan(0, word.Length), tokens[0].Span);
    }

    [TestMethod]
    public void LoneUnderscoreIsTheWildcardToken()
    {
        Assert.AreEqual("Underscore Identifier Underscore", Kinds("_ _a _"));
    }

    [TestMethod]
    [DataRow("0", 0.0)]
    [DataRow("42", 42.0)]
    [DataRow("3.14", 3.14)]
    [DataRow("1e3", 1000.0)]
    [DataRow("2E+2", 200.0)]
    [DataRow("5e-1", 0.5)]
    [DataRow("1.5e2", 150.0)]
    [DataRow("007", 7.0)]
    [DataRow("0.1", 0.1)]
    public void NumberLiterals(string text, double value)
    {
        var token = Tokens(text + ";")[0];
        Assert.AreEqual(TokenKind.Number, token.Kind);
        Assert.AreEqual(text, token.Text);
        Assert.AreEqual(value, token.Number);
    }

    [TestMethod]
    [DataRow("1.x", "Number Dot Identifier")]
    [DataRow("1.", "Number Dot")]
    [DataRow(".5", "Dot Number")]
    [DataRow("1..2", "Number Dot Dot Number")]
    [DataRow("-5", "Minus Number")]
    [DataRow("0x10", "Number Identifier")]
    [DataRow("1_000", "Number Identifier")]
    public void NumberBoundaries(string source, string expected) => Assert.AreEqual(expected, Kinds(source));

    [TestMethod]
    public void OverflowingNumberIsLexedAsInfinityAndLeftToTheParser()
    {
        var token = Tokens("1e999;")[0];
        Assert.AreEqual(TokenKind.Number, token.Kind);
        Assert.IsTrue(double.IsPositiveInfinity(token.Number));
    }

    [TestMethod]
    [DataRow("\"hello\"", "hello")]
    [DataRow("\"\"", "")]
    [DataRow("\"a\\nb\"", "a\nb")]
    [DataRow("\"\\r\\t\\\\\\\"\"", "\r\t\\\"")]
    [DataRow("\"line1\nline2\"", "line1\nline2")]
    [DataRow("\"héllo 😀\"", "héllo 😀")]
    [DataRow("\"// not a comment\"", "// not a comment")]
    public void StringLiterals(string text, string value)
    {
        var token = Tokens(text + ";")[0];
        Assert.AreEqual(TokenKind.String, token.Kind);
        Assert.AreEqual(text, token.Text);
        Assert.AreEqual(value, token.StringValue);
    }

    [TestMethod]
    [DataRow("// comment\nx", "Identifier")]
    [DataRow("/// doc comment\nx", "Identifier")]
    [DataRow("x /* block\n comment */ y", "Identifier Identifier")]
    [DataRow("/**/x", "Identifier")]
    [DataRow("/* /* */ x", "Identifier")]
    [DataRow("/* a */ */", "Star Slash")]
    [DataRow("a / b", "Identifier Slash Identifier")]
    public void Comments(string source, string expected) => Assert.AreEqual(expected, Kinds(source));

    [TestMethod]
    [DataRow("let x = @;", "AT1001", "Unexpected character '@'", 8, 9)]
    [DataRow("#", "AT1001", "Unexpected character '#'", 0, 1)]
    [DataRow("x $ y", "AT1001", "Unexpected character '$'", 2, 3)]
    [DataRow("~", "AT1001", "Unexpected character '~'", 0, 1)]
    [DataRow("x '", "AT1001", "Unexpected character '''", 2, 3)]
    [DataRow("`", "AT1001", "Unexpected character '`'", 0, 1)]
    [DataRow("a ^ b", "AT1001", "Unexpected character '^'", 2, 3)]
    [DataRow("\\", "AT1001", "Unexpected character '\\'", 0, 1)]
    [DataRow("x 😀", "AT1001", "Unexpected character '😀'", 2, 4)]
    [DataRow("let x = 1e;", "AT1001", "Invalid number: exponent requires digits", 8, 10)]
    [DataRow("2E+", "AT1001", "Invalid number: exponent requires digits", 0, 3)]
    [DataRow("3e-x", "AT1001", "Invalid number: exponent requires digits", 0, 3)]
    [DataRow("let s = \"abc", "AT1002", "Unterminated string literal", 8, 12)]
    [DataRow("\"abc\\", "AT1002", "Unterminated string literal", 0, 5)]
    [DataRow("let s = \"a\\qb\";", "AT1003", "Invalid escape sequence '\\q'", 10, 12)]
    [DataRow("\"\\u0041\"", "AT1003", "Invalid escape sequence '\\u'", 1, 3)]
    [DataRow("\"\\0\"", "AT1003", "Invalid escape sequence '\\0'", 1, 3)]
    [DataRow("x /* abc", "AT1004", "Unterminated multi-line comment", 2, 8)]
    public void LexerErrors(string source, string code, string message, int start, int end)
    {
        var diagnostics = Lexer.Lex(source).Diagnostics;
        Assert.HasCount(1, diagnostics, string.Join("; ", diagnostics));
        Assert.AreEqual(code, diagnostics[0].Code);
        Assert.AreEqual(message, diagnostics[0].Message);
        Assert.AreEqual(new TextSpan(start, end), diagnostics[0].Span);
        Assert.IsTrue(diagnostics[0].IsError);
    }

    [TestMethod]
    public void OnlyTheFirstBadEscapeOfAStringIsReported()
    {
        var diagnostics = Lexer.Lex("\"\\a\\b\"; \"\\c\";").Diagnostics;
        Assert.AreEqual("Invalid escape sequence '\\a' | Invalid escape sequence '\\c'", string.Join(" | ", diagnostics.Select(d => d.Message)));
    }

    [TestMethod]
    public void LexingContinuesAfterErrors()
    {
        var result = Lexer.Lex("let a = @; let b = #; let c = 1e; let d = \"x\\q\";");
        Assert.AreEqual(
            "Unexpected character '@' | Unexpected character '#' | Invalid number: exponent requires digits | Invalid escape sequence '\\q'",
            string.Join(" | ", result.Diagnostics.Select(d => d.Message)));
        Assert.AreEqual(4, result.Tokens.Count(t => t.Kind == TokenKind.Let));
    }

    [TestMethod]
    public void ExponentWithoutDigitsResumesAfterTheE()
    {
        var result = Lexer.Lex("1else;");
        Assert.HasCount(1, result.Diagnostics);
        Assert.AreEqual("lse", result.Tokens[0].Text);
    }

    [TestMethod]
    public void TokensEndWithExactlyOneEof()
    {
        foreach (var source in new[] { "", "   ", "x;", "\"unterminated", "/* open" })
        {
            var tokens = Lexer.Lex(source).Tokens;
            Assert.AreEqual(TokenKind.Eof, tokens[^1].Kind, source);
            Assert.AreEqual(1, tokens.Count(t => t.Kind == TokenKind.Eof), source);
        }
    }

    [TestMethod]
    [DataRow("x", 1)]
    [DataRow("  x  \n\n", 3)]
    [DataRow("f(1)", 4)]
    public void SourcePrepAppendsAZeroLengthSemicolon(string source, int at)
    {
        var tokens = Tokens(source);
        var semicolon = tokens[^2];
        Assert.AreEqual(TokenKind.Semicolon, semicolon.Kind);
        Assert.AreEqual(string.Empty, semicolon.Text);
        Assert.AreEqual(new TextSpan(at, at), semicolon.Span);
        Assert.AreEqual(new TextSpan(at, at), tokens[^1].Span);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(" \n\t ")]
    [DataRow("x;")]
    [DataRow("{ }")]
    [DataRow("x; // trailing comment")]
    [DataRow("x // comment ending in }")]
    public void SourcePrepDoesNotAppendASemicolon(string source)
    {
        var tokens = Tokens(source);
        Assert.IsFalse(tokens.Any(t => t.Kind == TokenKind.Semicolon && t.Text.Length == 0));
    }

    [TestMethod]
    public void SpansAreOffsetsIntoTheOriginalText()
    {
        var tokens = Tokens("\n  let  x = \"é\";  ");
        Assert.AreEqual(new TextSpan(3, 6), tokens[0].Span);
        Assert.AreEqual(new TextSpan(8, 9), tokens[1].Span);
        Assert.AreEqual(new TextSpan(12, 15), tokens[3].Span);
        Assert.AreEqual(new TextSpan(15, 16), tokens[4].Span);
    }

    [TestMethod]
    public void LeadingByteOrderMarkIsSkipped()
    {
        var tokens = Tokens("\uFEFFlet x = 1;");
        Assert.AreEqual(TokenKind.Let, tokens[0].Kind);
        Assert.AreEqual(new TextSpan(1, 4), tokens[0].Span);
    }

    [TestMethod]
    public void ByteOrderMarkElsewhereIsAnError()
    {
        var diagnostics = Lexer.Lex("x\uFEFF;").Diagnostics;
        Assert.AreEqual("Unexpected character '\uFEFF'", diagnostics.Single().Message);
    }

    [TestMethod]
    public void LoneSurrogateIsAnUnexpectedCharacter()
    {
        var diagnostics = Lexer.Lex("x \uD800 y;").Diagnostics;
        Assert.AreEqual(new TextSpan(2, 3), diagnostics.Single().Span);
    }
}
