using Atlas.Formatting;

namespace Atlas.Tests.Formatting;

/// <summary>The canonical layout: golden files (<c>Golden/NAME.atl</c> formats to <c>NAME.formatted</c>) and single rules.</summary>
[TestClass]
public sealed class FormatterTests
{
    private static string GoldenRoot => Path.Combine(AppContext.BaseDirectory, "Formatting", "Golden");

    public static IEnumerable<object[]> GoldenCases =>
        Directory.EnumerateFiles(GoldenRoot, "*.atl").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(GoldenCases))]
    public void GoldenFile(string name)
    {
        var input = File.ReadAllText(Path.Combine(GoldenRoot, name));
        var expected = File.ReadAllText(Path.Combine(GoldenRoot, Path.ChangeExtension(name, ".formatted")));
        var result = Formatter.Format(input);
        Assert.IsTrue(result.Success);
        Assert.AreEqual(expected, result.Text);
        Assert.AreEqual(expected, Formatter.Format(expected).Text, "idempotent");
    }

    [TestMethod]
    [DataRow("let x=1+2*3", "let x = 1 + 2 * 3;\n")]
    [DataRow("let a = - 1 ; let b = a - -a;", "let a = -1;\nlet b = a - -a;\n")]
    [DataRow("let s=\"a\\tb\"[0];", "let s = \"a\\tb\"[0];\n")]
    [DataRow("fn f(a: number,) { }", "fn f(a: number) {}\n")]
    [DataRow("fn f(\na: number) -> Option<number[]> { return Some([a]); }",
        "fn f(\n    a: number,\n) -> Option<number[]> {\n    return Some([a]);\n}\n")]
    [DataRow("let x = 1;\n\n\n\nlet y = 2;", "let x = 1;\n\nlet y = 2;\n")]
    [DataRow("fn f() {\n\n    print(1);\n\n}", "fn f() {\n    print(1);\n}\n")]
    [DataRow("let x = 1; // one\n/* two */ let y = 2;", "let x = 1; // one\n/* two */ let y = 2;\n")]
    [DataRow("let m = match 1 { _ => 0 // zero\n};", "let m = match 1 {\n    _ => 0, // zero\n};\n")]
    [DataRow("let ok = !true || 1 >= 2;", "let ok = !true || 1 >= 2;\n")]
    [DataRow("", "")]
    public void Layout(string source, string expected)
    {
        var result = Formatter.Format(source);
        Assert.IsTrue(result.Success, string.Join("\n", result.Errors));
        Assert.AreEqual(expected, result.Text);
        Assert.AreEqual(expected, Formatter.Format(expected).Text, "idempotent");
    }

    [TestMethod]
    public void SyntaxErrorsLeaveTheTextAlone()
    {
        const string source = "let x = ;\nfn f( {";
        var result = Formatter.Format(source);
        Assert.IsFalse(result.Success);
        Assert.IsFalse(result.Changed);
        Assert.AreEqual(source, result.Text);
        Assert.IsTrue(result.Errors.All(e => e.Code.StartsWith("AT1", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AlreadyFormattedIsUnchanged()
    {
        var result = Formatter.Format("print(1);\n");
        Assert.IsFalse(result.Changed);
    }
}
