namespace Atlas.Tests.Semantics;

/// <summary>Where diagnostics point: the reference's spans (language.md §1.1 columns are span.start + 1).</summary>
[TestClass]
public sealed class SpanTests
{
    /// <param name="marked">Source whose diagnostic span is written between « and ».</param>
    [TestMethod]
    [DataRow("«let x: number = \"hello\";»", "AT3001")]
    [DataRow("fn f() -> number {\n    let «unused» = 42;\n    return 1;\n}", "AT2001")]
    [DataRow("fn f(«a»: number) { }", "AT2001")]
    [DataRow("print(«nope»);", "AT2002")]
    [DataRow("let x = 1; let «x» = 2;", "AT2003")]
    [DataRow("fn f() { } fn «f»() { }", "AT2003")]
    [DataRow("let «max» = 1;", "AT1012")]
    [DataRow("let q: «Queue<number>» = queueNew();", "AT9999")]
    [DataRow("print(«1 + \"a\"»);", "AT3002")]
    [DataRow("print(«-\"a\"»);", "AT3002")]
    [DataRow("fn add(a: number, b: number) -> number { return a + b; } «add(1)»;", "AT3005")]
    [DataRow("fn add(a: number, b: number) -> number { return a + b; } add(1, «\"s\"»);", "AT3001")]
    [DataRow("let x = 1; «x(2)»;", "AT3006")]
    [DataRow("«fn f() -> number { }»", "AT3004")]
    [DataRow("fn f() -> number { «return \"s\";» }", "AT3001")]
    [DataRow("«return 1;»", "AT3011")]
    [DataRow("if («1») { }", "AT3001")]
    [DataRow("«break;»", "AT3010")]
    [DataRow("let x = 1; «x» = 2;", "AT3003")]
    [DataRow("var x = 1; «x = \"s\";»", "AT3001")]
    [DataRow("var s = \"a\"; «s += 1;»", "AT3001")]
    [DataRow("var s = \"a\"; «s++;»", "AT3001")]
    [DataRow("let s = \"a\"; «s»[0] = \"b\";", "AT3001")]
    [DataRow("let a = [1]; print(a[«\"x\"»]);", "AT3001")]
    [DataRow("let s = \"a\"; print(«s»[0]);", "AT3001")]
    [DataRow("let s = \"a\"; print(s.«length»());", "AT3010")]
    [DataRow("let a = [1]; «a.push()»;", "AT3005")]
    [DataRow("print([1, «\"a\"»]);", "AT3001")]
    [DataRow("for x in «\"abc\"» { }", "AT3001")]
    [DataRow("print(«match 1 { 1 => 1 }»);", "AT3027")]
    [DataRow("print(match 1 { «\"a\"» => 1, _ => 2 });", "AT3022")]
    [DataRow("print(match 1 { n if «n» => 1, _ => 2 });", "AT3029")]
    [DataRow("let r: Result<number, string> = Ok(1); let v = «r?»;", "AT3028")]
    [DataRow("fn f() -> number { return 1; «print(2);» }", "AT2002")]
    [DataRow("fn take(o: Option<number>) { print(o); } let o: Option<number> = None; take(«o»);", "AT2013")]
    public void DiagnosticSpan(string marked, string code)
    {
        var start = marked.IndexOf('«', StringComparison.Ordinal);
        var end = marked.IndexOf('»', StringComparison.Ordinal) - 1;
        var source = marked.Replace("«", "", StringComparison.Ordinal).Replace("»", "", StringComparison.Ordinal);
        var diagnostic = CheckHelper.Diagnostics(source).First(d => d.Code == code);
        Assert.AreEqual((start, end), (diagnostic.Span.Start, diagnostic.Span.End), diagnostic.ToString());
    }
}
