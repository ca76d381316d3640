using Atlas.Syntax;
using Atlas.Tests.Support;

namespace Atlas.Tests.Syntax;

/// <summary>
/// The syntax tree depth limit (AT1007) covers nesting and flat chains alike, and every tree the parser accepts can
/// be checked, compiled and run on a 1 MB stack (fuzzing found `1 + 1 + …` with 20,000 terms crashing the checker).
/// </summary>
[TestClass]
public sealed class NestingLimitTests
{
    private static string Repeat(string unit, int n) => string.Concat(Enumerable.Repeat(unit, n));

    /// <summary>Shapes of source text by size: nested forms and flat chains.</summary>
    private static readonly Dictionary<string, Func<int, string>> Shapes = new()
    {
        ["sum"] = n => "let x = " + string.Join(" + ", Enumerable.Repeat("1", n)) + ";\nprint(x);",
        ["concat"] = n => "let s = " + string.Join(" + ", Enumerable.Repeat("\"a\"", n)) + ";\nprint(s);",
        ["and"] = n => "let b = " + string.Join(" && ", Enumerable.Repeat("true", n)) + ";\nprint(b);",
        ["calls"] = n => "fn f() -> () -> number { return g; }\nfn g() -> number { return 1; }\nlet v = f" + Repeat("()", n) + ";",
        ["index"] = n => "let a = [1];\nprint(a" + Repeat("[0]", n) + ");",
        ["methods"] = n => "let a = [1];\nprint(a" + Repeat(".len()", n) + ");",
        ["try"] = n => "fn t() -> Result<number, string> { let r = Ok(1); return Ok(r" + Repeat("?", n) + "); }\nprint(t());",
        ["arrayType"] = n => "let a: number" + Repeat("[]", n) + " = [];",
        ["nestedCalls"] = n => "fn f(a: number) -> number { return a + 1; }\nprint(" + Repeat("f(", n) + "1" + Repeat(")", n) + ");",
        ["parens"] = n => "print(" + Repeat("(", n) + "1" + Repeat(")", n) + ");",
        ["arrays"] = n => "print(" + Repeat("[", n) + "1" + Repeat("]", n) + ");",
        ["not"] = n => "print(" + Repeat("!", n) + "true);",
        ["ifs"] = n => "var c = 0;\n" + Repeat("if (true) { ", n) + "c = c + 1; " + Repeat("} ", n) + "\nprint(c);",
        ["elseIf"] = n => "let v = 3;\n" + string.Join(" else ", Enumerable.Range(0, n).Select(i => $"if (v == {i}) {{ print({i}); }}")),
        ["whiles"] = n => "var i = 0;\n" + Repeat("while (i < 1) { ", n) + "i = i + 1; " + Repeat("} ", n),
        ["blocks"] = n => Repeat("{ ", n) + "print(1); " + Repeat("} ", n),
        ["match"] = n => "print(" + Repeat("match 1 { _ => ", n) + "1" + Repeat(" }", n) + ");",
        ["patterns"] = n => "print(match Some(1) { " + Repeat("Some(", n) + "x" + Repeat(")", n) + " => 1, _ => 2 });",
        ["optionType"] = n => "let x: " + Repeat("Option<", n) + "number" + Repeat(">", n) + " = None;",
        ["functionType"] = n => "let x: " + Repeat("() -> ", n) + "number = 1;",
        ["closures"] = n => "fn outer() -> number {\nvar k = 1;\n" + string.Concat(Enumerable.Range(0, n).Select(i => $"fn c{i}() -> number {{ ")) + "return k; "
            + string.Concat(Enumerable.Range(1, n - 1).Reverse().Select(i => $"}} return c{i}(); ")) + "}\nreturn c0();\n}\nprint(outer());",
        ["mixed"] = n => "var c = 0;\n" + Repeat("if (true) { ", n / 2) + "c = " + string.Join(" + ", Enumerable.Repeat("1", n / 2)) + "; " + Repeat("} ", n / 2) + "\nprint(c);",
    };

    public static IEnumerable<object[]> ShapeNames => Shapes.Keys.Select(k => new object[] { k });

    private static bool TooDeep(string source) => Parser.Parse(source).Diagnostics.Any(d => d.Code == "AT1007");

    [TestMethod]
    [DynamicData(nameof(ShapeNames))]
    public void TwentyThousandLevelsAreAnErrorNotACrash(string shape)
    {
        var result = Parser.Parse(Shapes[shape](20_000));
        var error = result.Diagnostics.First(d => d.IsError);
        Assert.AreEqual("AT1007", error.Code);
        Assert.AreEqual($"Code is nested too deeply (more than {Parser.MaxNesting} levels)", error.Message);
    }

    [TestMethod]
    [DynamicData(nameof(ShapeNames))]
    public void TheDeepestAcceptedTreeCompilesAndRunsOnASmallStack(string shape)
    {
        // The largest size the parser accepts (binary search; acceptance is monotonic in the size).
        int low = 1, high = 2 * Parser.MaxNesting;
        Assert.IsFalse(TooDeep(Shapes[shape](low)), "even the smallest size is rejected");
        Assert.IsTrue(TooDeep(Shapes[shape](high)), "the limit does not apply to this shape");
        while (high - low > 1)
        {
            int mid = (low + high) / 2;
            if (TooDeep(Shapes[shape](mid))) high = mid; else low = mid;
        }
        var interpreted = SmallStack.Execute(Shapes[shape](low));
        // The JIT translates and compiles the same program's functions on the same small stack.
        var compiled = SmallStack.Execute(Shapes[shape](low), new Atlas.Jit.JitEngine(new Atlas.Jit.JitConfig { CompilationThreshold = 1 }));
        Assert.AreEqual(interpreted, compiled);
    }

    [TestMethod]
    public void ChainsWithinTheLimitAreFine()
    {
        Assert.AreEqual("200\n", SmallStack.Execute(Shapes["sum"](200)));
        Assert.AreEqual("101\n", SmallStack.Execute(Shapes["nestedCalls"](100)));
        Assert.AreEqual("250\n", SmallStack.Execute(Shapes["elseIf"](251).Replace("let v = 3;", "let v = 250;")));
    }
}
