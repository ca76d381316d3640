using System.Diagnostics;
using System.Text;
using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Tests.Syntax;

[TestClass]
public sealed class ParserRecoveryTests
{
    private static string Messages(ParseResult result) => string.Join(" | ", result.Diagnostics.Select(d => d.Message));

    [TestMethod]
    public void SeveralErrorsAreReportedInOneRun()
    {
        var result = Parser.Parse("let = 1;\nlet y = ;\nprint(1)\nlet z = 3;\nfn f( { }\nz = 4;");
        Assert.AreEqual(
            "Expected a variable name but found Equal | Expected expression | Expected ';' after expression | Expected a parameter name but found LeftBrace",
            Messages(result));
        // Partial statements stay in the tree (with ErrorExpr where an expression is missing); the rest survives recovery.
        Assert.AreEqual("let y = <error>; print(1); let z = 3; fn f() { } z = 4;", AstPrinter.Print(result.Unit));
    }

    [TestMethod]
    public void RecoveryResumesAtStatementKeywords()
    {
        var result = Parser.Parse("x = = 1 let a = 1; y + * 2 while (a) { } var q = ) 3 return 1;");
        Assert.AreEqual(3, result.Diagnostics.Count, Messages(result));
        Assert.AreEqual("x = <error>; let a = 1; (y + <error>); while (a) { } var q = <error>; return 1;", AstPrinter.Print(result.Unit));
    }

    [TestMethod]
    public void AnErrorInsideAFunctionBodyKeepsTheRestOfTheFunction()
    {
        const string source = """
            fn f() {
                let a = ;
                let b = 2;
                if (b > 1) { print(b) }
                return b;
            }
            fn g() { }
            """;
        var result = Parser.Parse(source);
        Assert.AreEqual("Expected expression | Expected ';' after expression", Messages(result));
        Assert.AreEqual("fn f() { let a = <error>; let b = 2; if ((b > 1)) { print(b); } return b; } fn g() { }", AstPrinter.Print(result.Unit));
    }

    [TestMethod]
    public void BlocksStayBalancedAfterAnError()
    {
        var result = Parser.Parse("fn f() { let x = 1 +; } fn g() { return 1 } let after = 1;");
        Assert.AreEqual("Expected expression | Expected ';' after return", Messages(result));
        Assert.HasCount(3, result.Unit.Items);
        Assert.IsInstanceOfType<VarDecl>(result.Unit.Items[2]);
    }

    [TestMethod]
    public void AnErrorInsideAMatchSkipsTheWholeMatch()
    {
        var result = Parser.Parse("fn f() { let x = match y { 1 => , 2 => 3 }; print(x); }");
        Assert.AreEqual("Expected expression", Messages(result));
        var body = ((FnDecl)result.Unit.Items.Single()).Body;
        Assert.AreEqual("print(x);", AstPrinter.Print(body.Statements[^1]));
    }

    [TestMethod]
    public void HeaderErrorsStillParseTheBody()
    {
        var result = Parser.Parse("if (a b) { let = 1; } while x { y = ; } for (i = 0; i < 3; i++) { z; } fn h(a: ) { q }");
        Assert.AreEqual(
            "Expected ')' after if condition | Expected a variable name but found Equal | Expected '(' after 'while' | Expected expression | "
            + "Expected ';' after for initializer | Expected a type name but found RightParen | Expected ';' after expression",
            Messages(result));
        Assert.HasCount(4, result.Unit.Items);
    }

    [TestMethod]
    public void StrayClosingBraceAtTopLevelIsSkipped()
    {
        var result = Parser.Parse("} let a = 1; } }");
        Assert.AreEqual("Expected expression | Expected expression", Messages(result));
        Assert.IsInstanceOfType<VarDecl>(result.Unit.Items.Single());
    }

    [TestMethod]
    public void UnclosedBlocksReportOneErrorAtTheEnd()
    {
        var result = Parser.Parse("fn f() { if (a) { while (b) { x = 1;");
        Assert.AreEqual("Expected '}'", Messages(result));
    }

    [TestMethod]
    public void ErrorExpressionFillsAMissingOperand()
    {
        var result = Parser.Parse("let x = 1 + ;");
        var declaration = (VarDecl)result.Unit.Items.Single();
        var binary = (BinaryExpr)declaration.Initializer;
        Assert.IsInstanceOfType<ErrorExpr>(binary.Right);
        Assert.AreEqual(new TextSpan(12, 13), binary.Right.Span);
    }

    [TestMethod]
    public void InvalidTargetIsReportedWithoutDisturbingTheRest()
    {
        var result = Parser.Parse("f() = 1; a.b += 2; (x) = 3; y = 4;");
        Assert.AreEqual("Invalid assignment target | Invalid assignment target | Invalid assignment target", Messages(result));
        Assert.HasCount(4, result.Unit.Items);
    }

    [TestMethod]
    public void DeepNestingIsAnErrorNotACrash()
    {
        foreach (string source in new[]
        {
            new string('(', 5000) + "1" + new string(')', 5000) + ";",
            "let x = " + string.Concat(Enumerable.Repeat("- ", 5000)) + "1;",
            "let a = " + new string('[', 5000) + new string(']', 5000) + ";",
            string.Concat(Enumerable.Repeat("{ ", 5000)) + string.Concat(Enumerable.Repeat("} ", 5000)),
            string.Concat(Enumerable.Repeat("if (a) { } else ", 5000)) + "{ }",
            "let t: " + string.Concat(Enumerable.Repeat("Option<", 5000)) + "number" + new string('>', 5000) + " = 1;",
            "match x { " + string.Concat(Enumerable.Repeat("Some(", 5000)) + "y" + new string(')', 5000) + " => 1 };",
        })
        {
            var result = Parser.Parse(source);
            Assert.AreEqual("AT1007", result.Diagnostics[0].Code, source[..20]);
        }
    }

    [TestMethod]
    public void PathologicalInputsStayLinear()
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (string source in new[]
        {
            string.Concat(Enumerable.Repeat("while (a ; ", 20000)),
            string.Concat(Enumerable.Repeat("if (x y ", 20000)),
            string.Concat(Enumerable.Repeat("fn f(a: ", 20000)),
            string.Concat(Enumerable.Repeat("match x { ", 20000)),
            string.Concat(Enumerable.Repeat("} ", 20000)),
            string.Concat(Enumerable.Repeat("let = ", 20000)),
            new string('(', 50000),
            "/*" + new string('*', 100000),
            "\"" + new string('x', 100000),
        })
        {
            var result = Parser.Parse(source);
            Assert.IsTrue(result.HasErrors);
        }
        Assert.IsLessThan(10, stopwatch.Elapsed.TotalSeconds);
    }

    [TestMethod]
    public void NestingWithinTheLimitIsFine()
    {
        ParserTests.ParseOk(new string('(', 100) + "1" + new string(')', 100) + ";");
        ParserTests.ParseOk(string.Concat(Enumerable.Repeat("{ ", 60)) + string.Concat(Enumerable.Repeat("} ", 60)));
    }

    [TestMethod]
    public void LongFlatChainsDoNotRecurse()
    {
        // Chains are parsed in a loop, but each link is a tree level: past the depth limit they are AT1007
        // (see NestingLimitTests), because every later phase walks the tree recursively.
        var unit = ParserTests.ParseOk("let x = " + string.Join(" + ", Enumerable.Repeat("1", 200)) + ";").Unit;
        Assert.IsInstanceOfType<BinaryExpr>(((VarDecl)unit.Items[0]).Initializer);
        ParserTests.ParseOk("f" + string.Concat(Enumerable.Repeat("()", 200)) + ";");
        Assert.AreEqual("AT1007", Parser.Parse("let x = " + string.Join(" + ", Enumerable.Repeat("1", 20000)) + ";").Diagnostics[0].Code);
        Assert.AreEqual("AT1007", Parser.Parse("f" + string.Concat(Enumerable.Repeat("()", 20000)) + ";").Diagnostics[0].Code);
    }

    private static readonly string[] Fragments =
    [
        "let", "var", "fn", "type", "if", "else", "while", "for", "in", "return", "break", "continue", "true", "false",
        "null", "import", "export", "from", "extern", "match", "as", "extends", "is", "own", "borrow", "shared", "trait",
        "impl", "+", "-", "*", "/", "%", "!", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "&", "|", "+=", "-=", "*=",
        "/=", "%=", "++", "--", "=", "(", ")", "{", "}", "[", "]", ";", ",", ":", ".", "->", "=>", "_", "?",
        "x", "y", "f", "Some", "None", "Ok", "Err", "number", "string", "Option", "1", "2.5", "1e3", "\"s\"", "\"a\\nb\"",
        "// c\n", "/* c */", "\n", " ", "{ }", "( )", "[ ]", "x = 1;", "let a = 1;", "fn g() { }", "match x { _ => 1 }",
    ];

    [TestMethod]
    public void RandomInputNeverThrowsAndTerminates()
    {
        var random = new Random(20240601);
        var stopwatch = Stopwatch.StartNew();
        int withErrors = 0;
        for (int i = 0; i < 4000; i++)
        {
            string source = RandomSource(random, i);
            var result = Parser.Parse(source);
            Assert.IsNotNull(result.Unit, source);
            if (result.HasErrors) withErrors++;
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.IsTrue(diagnostic.Span.Start >= 0 && diagnostic.Span.End <= source.Length && diagnostic.Span.Length >= 0, source);
            }
        }
        Assert.IsGreaterThan(1000, withErrors);
        Assert.IsLessThan(60, stopwatch.Elapsed.TotalSeconds);
    }

    private static string RandomSource(Random random, int round)
    {
        var sb = new StringBuilder();
        int length = random.Next(1, round % 10 == 0 ? 400 : 40);
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(10))
            {
                case 0:
                    sb.Append((char)random.Next(0, 0x3000)); // any character, including surrogate halves and controls
                    break;
                case 1:
                    sb.Append((char)random.Next(32, 127));
                    break;
                default:
                    sb.Append(Fragments[random.Next(Fragments.Length)]);
                    if (random.Next(3) > 0) sb.Append(' ');
                    break;
            }
        }
        return sb.ToString();
    }

    [TestMethod]
    public void RandomTokenSoupWithoutLexerErrorsExercisesTheParser()
    {
        // Only fragments: the lexer accepts everything, so every run reaches the parser.
        var random = new Random(7);
        for (int i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder();
            int length = random.Next(1, 60);
            for (int j = 0; j < length; j++) sb.Append(Fragments[random.Next(Fragments.Length)]).Append(' ');
            string source = sb.ToString();
            Assert.IsTrue(Lexer.Lex(source).Diagnostics.Count == 0, source);
            var result = Parser.Parse(source);
            Assert.IsTrue(result.Diagnostics.All(d => d.Code.StartsWith("AT100", StringComparison.Ordinal)), source);
        }
    }
}
