using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Tests.Syntax;

/// <summary>Every lexer/parser message of language.md §13.1 that applies to Tier 1, with its code and span.</summary>
[TestClass]
public sealed class ParserErrorTests
{
    private static void AssertSingleError(string source, string code, string message, int start, int end)
    {
        var diagnostics = Parser.Parse(source).Diagnostics;
        string all = string.Join(" | ", diagnostics.Select(d => $"{d} {d.Span}"));
        Assert.HasCount(1, diagnostics, all);
        Assert.AreEqual(code, diagnostics[0].Code, all);
        Assert.AreEqual(message, diagnostics[0].Message, all);
        Assert.AreEqual(new TextSpan(start, end), diagnostics[0].Span, all);
        Assert.IsTrue(diagnostics[0].IsError);
    }

    [TestMethod]
    [DataRow("let x = ;", "Expected expression", 8, 9)]
    [DataRow("++x;", "Expected expression", 0, 2)]
    [DataRow("let x = 1 +", "Expected expression", 11, 11)]
    [DataRow("(1 + }", "Expected expression", 5, 6)]
    [DataRow("f(1,);", "Expected expression", 4, 5)]
    [DataRow("[1, 2,];", "Expected expression", 6, 7)]
    [DataRow("let a = -;", "Expected expression", 9, 10)]
    [DataRow("let a = else;", "Expected expression", 8, 12)]
    [DataRow("f() = 1;", "Invalid assignment target", 0, 3)]
    [DataRow("a.b = 1;", "Invalid assignment target", 0, 3)]
    [DataRow("(x) = 1;", "Invalid assignment target", 0, 3)]
    [DataRow("1 += 2;", "Invalid assignment target", 0, 1)]
    [DataRow("x + 1 = 2;", "Invalid assignment target", 0, 5)]
    [DataRow("f()++;", "Invalid assignment target", 0, 3)]
    [DataRow("for (;; a.b = 1) { }", "Invalid assignment target", 8, 11)]
    [DataRow("match x { -1 => 0 };", "Expected pattern", 10, 11)]
    [DataRow("match x { 1 => 0, + => 1 };", "Expected pattern", 18, 19)]
    [DataRow("match x { [1,] => 0 };", "Expected pattern", 13, 14)]
    [DataRow("let y = match x { };", "Match expression must have at least one arm", 8, 19)]
    [DataRow("let f: (number, string) = g;", "Expected '->' after function type parameters", 24, 25)]
    [DataRow("let f: () = g;", "Unexpected empty type group", 10, 11)]
    [DataRow("fn f() { import { a } from \"m\"; }", "Import statements are not supported in Atlas v0.1", 9, 15)]
    [DataRow("{ import x; }", "Import statements are not supported in Atlas v0.1", 2, 8)]
    public void GenericSyntaxErrors(string source, string message, int start, int end) =>
        AssertSingleError(source, "AT1000", message, start, end);

    [TestMethod]
    [DataRow("let x = 1 let y = 2;", "variable declaration", 9)]
    [DataRow("let a = i++;", "variable declaration", 9)]
    [DataRow("print(1) print(2);", "expression", 8)]
    [DataRow("match x { _ => 1 }", "expression", 18)]
    [DataRow("x = y = 1;", "assignment", 5)]
    [DataRow("x += 1 y;", "compound assignment", 6)]
    [DataRow("x++ y;", "increment", 3)]
    [DataRow("x-- y;", "decrement", 3)]
    [DataRow("fn f() { return 1 }", "return", 17)]
    [DataRow("while (true) { break }", "break", 20)]
    [DataRow("while (true) { continue }", "continue", 23)]
    [DataRow("for (i = 0; i < 3; i++) { }", "for initializer", 6)]
    [DataRow("for (var i = 0; i < 3 i++) { }", "for condition", 21)]
    [DataRow("type N = number let x = 1;", "type alias", 15)]
    [DataRow("let x = 1 // the appended ';' lands in this comment", "variable declaration", 9)]
    public void MissingSemicolonIsReportedAfterThePreviousToken(string source, string context, int at) =>
        AssertSingleError(source, "AT1002", $"Expected ';' after {context}", at, at);

    [TestMethod]
    [DataRow("{ let x = 1;", "'}'", 12, 12)]
    [DataRow("fn f() { if (x) { y; }", "'}'", 22, 22)]
    [DataRow("print(1;", "')'", 7, 8)]
    [DataRow("let x = (1 + 2;", "')'", 14, 15)]
    [DataRow("let a = [1, 2;", "']'", 13, 14)]
    [DataRow("a[0;", "']'", 3, 4)]
    [DataRow("a.m(1;", "')'", 5, 6)]
    [DataRow("if (x { }", "')' after if condition", 6, 7)]
    [DataRow("while (x { }", "')' after while condition", 9, 10)]
    [DataRow("for (;; i++ { }", "')' after for clauses", 12, 13)]
    [DataRow("fn f(a: number { }", "')' after parameters", 15, 16)]
    [DataRow("let f: (number, string -> number = g;", "')' after type list", 23, 25)]
    [DataRow("let y = match x { 1 => 2, // open", "'}' after match arms", 33, 33)]
    [DataRow("let a: number[ = 1;", "']' after '[' in array type", 15, 16)]
    [DataRow("match o { Some(x => 1 };", "')'", 17, 19)]
    [DataRow("match o { [x => 1 };", "']'", 13, 15)]
    public void MissingClosers(string source, string what, int start, int end) =>
        AssertSingleError(source, "AT1003", $"Expected {what}", start, end);

    [TestMethod]
    [DataRow("if (x) print(1);", "'{'", 7, 12)]
    [DataRow("if (a) { } else x;", "'{'", 16, 17)]
    [DataRow("fn f() -> number return 1;", "'{'", 17, 23)]
    [DataRow("if x { }", "'(' after 'if'", 3, 4)]
    [DataRow("while x { }", "'(' after 'while'", 6, 7)]
    [DataRow("for { }", "'(' after 'for'", 4, 5)]
    [DataRow("let x;", "'=' in variable declaration", 5, 6)]
    [DataRow("var x: number;", "'=' in variable declaration", 13, 14)]
    [DataRow("fn f(a number) { }", "':' after parameter name", 7, 13)]
    [DataRow("fn f { }", "'(' after function name", 5, 6)]
    [DataRow("for x of xs { }", "'in' after variable name", 6, 8)]
    [DataRow("let y = match x 1;", "'{' after match expression", 16, 17)]
    [DataRow("match x { 1 -> 2 };", "'=>' after pattern", 12, 14)]
    [DataRow("match x { 1 if => 2 };", "expression", 15, 17)]
    [DataRow("match x { 1 => 2 3 => 4 };", "',' after match arm", 17, 18)]
    [DataRow("fn f<T(x: T) { }", "'>' after type parameters", 6, 7)]
    [DataRow("let x: Option<number = 1;", "'>' after type arguments", 21, 22)]
    [DataRow("type N number;", "'=' after type alias name", 7, 13)]
    public void MissingTokens(string source, string what, int start, int end)
    {
        // "Expected expression" is the one AT1000 row here: a guard that is missing its expression.
        string code = what == "expression" ? "AT1000" : "AT1004";
        AssertSingleError(source, code, $"Expected {what}", start, end);
    }

    [TestMethod]
    [DataRow("let 5 = 1;", "a variable name", "Number", 4, 5)]
    [DataRow("var \"s\" = 1;", "a variable name", "String", 4, 7)]
    [DataRow("fn (x) { }", "a function name", "LeftParen", 3, 4)]
    [DataRow("fn f(1) { }", "a parameter name", "Number", 5, 6)]
    [DataRow("fn f(a: number, , b: number) { }", "a parameter name", "Comma", 16, 17)]
    [DataRow("let x: 5 = 1;", "a type name", "Number", 7, 8)]
    [DataRow("let x: [number] = 1;", "a type name", "LeftBracket", 7, 8)]
    [DataRow("let x: Option<number,> = 1;", "a type name", "Greater", 21, 22)]
    [DataRow("let x: in = 1;", "a type name", "In", 7, 9)]
    [DataRow("for in xs { }", "variable name after 'for'", "In", 4, 6)]
    [DataRow("for _ in xs { }", "variable name after 'for'", "Underscore", 4, 5)]
    [DataRow("a.1;", "a method or property name", "Number", 2, 3)]
    [DataRow("let x = a.;", "a method or property name", "Semicolon", 10, 11)]
    [DataRow("a.from;", "a method or property name", "From", 2, 6)]
    [DataRow("fn f<>() { }", "a type parameter name", "Greater", 5, 6)]
    [DataRow("fn f<T,>() { }", "a type parameter name", "Greater", 7, 8)]
    [DataRow("type = number;", "a type alias name", "Equal", 5, 6)]
    [DataRow("let trait = 1;", "a variable name", "Trait", 4, 9)]
    public void NameExpected(string source, string what, string found, int start, int end) =>
        AssertSingleError(source, "AT1004", $"Expected {what} but found {found}", start, end);

    [TestMethod]
    [DataRow("let let = 1;", "let", "a variable name", 4, 7)]
    [DataRow("var fn = 1;", "fn", "a variable name", 4, 6)]
    [DataRow("fn if() { }", "if", "a function name", 3, 5)]
    [DataRow("fn f(else: number) { }", "else", "a parameter name", 5, 9)]
    [DataRow("a.return;", "return", "a method or property name", 2, 8)]
    [DataRow("a.while();", "while", "a method or property name", 2, 7)]
    [DataRow("let x: true = 1;", "true", "a type name", 7, 11)]
    [DataRow("let x: for = 1;", "for", "a type name", 7, 10)]
    [DataRow("for is in xs { }", "is", "variable name after 'for'", 4, 6)]
    [DataRow("type var = number;", "var", "a type alias name", 5, 8)]
    [DataRow("fn f<null>() { }", "null", "a type parameter name", 5, 9)]
    [DataRow("let break = 1;", "break", "a variable name", 4, 9)]
    [DataRow("let continue = 1;", "continue", "a variable name", 4, 12)]
    [DataRow("let false = 1;", "false", "a variable name", 4, 9)]
    [DataRow("let type = 1;", "type", "a variable name", 4, 8)]
    public void ReservedKeywordAsName(string source, string keyword, string what, int start, int end) =>
        AssertSingleError(source, "AT1005", $"Cannot use reserved keyword '{keyword}' as {what}", start, end);

    [TestMethod]
    [DataRow("let match = 1;", "match", "a variable name", 4, 9)]
    [DataRow("fn f(import: number) { }", "import", "a parameter name", 5, 11)]
    [DataRow("fn import() { }", "import", "a function name", 3, 9)]
    [DataRow("x.match();", "match", "a method or property name", 2, 7)]
    public void FutureKeywordAsName(string source, string keyword, string what, int start, int end) =>
        AssertSingleError(source, "AT1005", $"Cannot use reserved keyword '{keyword}' as {what}. This keyword is reserved for future use", start, end);

    [TestMethod]
    [DataRow("let x = 1e999;", "1e999", 8, 13)]
    [DataRow("print(-2e308);", "2e308", 7, 12)]
    [DataRow("match x { 1e400 => 0 };", "1e400", 10, 15)]
    public void NumberOverflowingToInfinity(string source, string lexeme, int start, int end) =>
        AssertSingleError(source, "AT1001", $"Invalid number literal: '{lexeme}'", start, end);

    [TestMethod]
    [DataRow("fn f() { export fn g() { } }", "'export'", 9, 15)]
    [DataRow("{ export let x = 1; }", "'export'", 2, 8)]
    [DataRow("extern \"m\" fn f(a: CInt) -> CInt;", "'extern'", 0, 6)]
    [DataRow("trait T { fn m(self: T) -> number; }", "'trait'", 0, 5)]
    [DataRow("impl T for number { fn m(self: number) -> number { return 1; } }", "'impl'", 0, 4)]
    [DataRow("fn f() { trait T { fn m(); } }", "'trait'", 9, 14)]
    [DataRow("fn f(own x: number) { }", "Ownership annotation 'own'", 5, 8)]
    [DataRow("fn f(borrow x: number) { }", "Ownership annotation 'borrow'", 5, 11)]
    [DataRow("fn f() -> shared number { return 1; }", "Ownership annotation 'shared'", 10, 16)]
    [DataRow("let x: number | string = 1;", "Union type syntax", 7, 22)]
    [DataRow("let x: A & B = 1;", "Intersection type syntax", 7, 12)]
    [DataRow("let p: { x: number, y: string } = 1;", "Structural type syntax", 7, 31)]
    [DataRow("fn f<T extends number>(x: T) { }", "Type parameter bound 'extends'", 7, 14)]
    [DataRow("fn f<T: Display + Debug>(x: T) { }", "Trait bound", 6, 7)]
    [DataRow("type Box<T> = T[];", "Generic type alias", 8, 9)]
    [DataRow("fn f(x: number) -> bool is x: number { return true; }", "Type predicate 'is'", 24, 26)]
    public void Tier2SyntaxIsReportedAsUnsupported(string source, string what, int start, int end) =>
        AssertSingleError(source, "AT1006", $"{what} is not supported yet", start, end);

    [TestMethod]
    public void Tier2ItemsAreSkippedAndParsingContinues()
    {
        var result = Parser.Parse("trait T { fn m(self: T) -> number; } impl T for number { } extern \"c\" fn f() -> CInt; let x = 1;");
        Assert.HasCount(3, result.Diagnostics);
        Assert.IsInstanceOfType<VarDecl>(result.Unit.Items.Single());
    }

    [TestMethod]
    public void TypeAliasInsideABlockIsRejectedWithAHelpLine()
    {
        var diagnostic = Parser.Parse("fn f() { type X = number; }").Diagnostics.Single();
        Assert.AreEqual("AT1000", diagnostic.Code);
        Assert.AreEqual("Expected expression", diagnostic.Message);
        Assert.AreEqual(new TextSpan(9, 13), diagnostic.Span);
        Assert.IsNotNull(diagnostic.Help);
    }

    [TestMethod]
    public void LexerErrorsSuppressParseErrors()
    {
        var result = Parser.Parse("let x = @; let = ; let s = \"\\q\";");
        Assert.AreEqual("AT1001 AT1003", string.Join(" ", result.Diagnostics.Select(d => d.Code)));
        Assert.IsEmpty(result.Unit.Items);
    }

    [TestMethod]
    public void GenericCallSyntaxIsAComparisonChain()
    {
        // language.md §3: `f<number>(x)` is `(f < number) > (x)`; the binder later reports the unknown symbol.
        var expr = ((ExprStmt)ParserTests.ParseOk("f<number>(x);").Unit.Items[0]).Expression;
        Assert.AreEqual(BinaryOp.Greater, ((BinaryExpr)expr).Op);
    }
}
