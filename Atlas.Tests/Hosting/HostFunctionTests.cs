using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Hosting;

/// <summary>C# delegates registered as Atlas functions: typed from their .NET signature, called like any function.</summary>
[TestClass]
public sealed class HostFunctionTests
{
    private static AtlasEngine Engine(TextWriter? output = null) => new(new AtlasOptions { Output = output ?? TextWriter.Null });

    [TestMethod]
    public void TypedDelegatesAreCallable()
    {
        var engine = Engine();
        var logged = new List<string>();
        engine.RegisterFunction("square", (double x) => x * x);
        engine.RegisterFunction("shout", (string s) => s.ToUpperInvariant() + "!");
        engine.RegisterFunction("note", (string s) => logged.Add(s));
        engine.RegisterFunction("limitTo", (double x, double lo, double hi) => Math.Clamp(x, lo, hi));
        engine.RegisterFunction("answer", () => 42);
        engine.RegisterFunction("ping", () => logged.Add("ping"));
        engine.RegisterFunction("sum4", (int a, int b, int c, int d) => a + b + c + d);
        Assert.AreEqual(81.0, engine.Evaluate("square(9)"));
        Assert.AreEqual("HEY!", engine.Evaluate("shout(\"hey\")"));
        Assert.IsNull(engine.Evaluate("note(\"one\"); ping();"));
        Assert.AreEqual(10.0, engine.Evaluate("limitTo(12, 0, 10)"));
        Assert.AreEqual(42.0, engine.Evaluate("answer()"));
        Assert.AreEqual(10.0, engine.Evaluate("sum4(1, 2, 3, 4)"));
        CollectionAssert.AreEqual(new[] { "one", "ping" }, logged);
    }

    [TestMethod]
    public void TheirAtlasTypeFollowsTheDotNetSignature()
    {
        var engine = Engine();
        engine.RegisterFunction("square", (double x) => x * x);
        engine.RegisterFunction("note", (string _) => { });
        engine.RegisterFunction("lengths", (List<string> xs) => xs.Select(x => x.Length).ToArray());
        engine.RegisterFunction("anything", (object? x) => x);
        Assert.AreEqual("(number) -> number", engine.GetGlobalType("square")!.Display);
        Assert.AreEqual("(string) -> void", engine.GetGlobalType("note")!.Display);
        Assert.AreEqual("(string[]) -> number[]", engine.GetGlobalType("lengths")!.Display);
        Assert.AreEqual("(?) -> ?", engine.GetGlobalType("anything")!.Display);
        CollectionAssert.AreEqual(new[] { 1.0, 3.0 }, engine.Evaluate<double[]>("lengths([\"a\", \"abc\"])"));
    }

    [TestMethod]
    [DataRow("square(\"x\")", "AT3001")]
    [DataRow("square(1, 2)", "AT3005")]
    [DataRow("let s: string = square(2);", "AT3001")]
    public void CallsAreTypeChecked(string source, string code)
    {
        var engine = Engine();
        engine.RegisterFunction("square", (double x) => x * x);
        var e = Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate(source));
        Assert.AreEqual(code, e.Diagnostics.First(d => d.IsError).Code, e.Text);
    }

    [TestMethod]
    public void HostFunctionsAreValues()
    {
        var engine = Engine();
        engine.RegisterFunction("double", (double x) => 2 * x);
        Assert.AreEqual("[2, 4, 6]", engine.Evaluate("str(map([1, 2, 3], double))"));
        Assert.AreEqual(8.0, engine.Evaluate("let f: (number) -> number = double; f(4)"));
    }

    [TestMethod]
    public void RawFunctionsDeclareTheirSignatureAndMayCallBack()
    {
        var engine = Engine();
        engine.RegisterFunction("applyTwice", "((number) -> number, number) -> number", (vm, args) =>
        {
            var once = vm.Invoke(args[0], [args[1]]);
            return vm.Invoke(args[0], [once]);
        });
        Assert.AreEqual("((number) -> number, number) -> number", engine.GetGlobalType("applyTwice")!.Display);
        Assert.AreEqual(12.0, engine.Evaluate("fn add3(x: number) -> number { return x + 3; } applyTwice(add3, 6)"));
        Assert.ThrowsExactly<ArgumentException>(() => engine.RegisterFunction("notAFunction", "number", (_, _) => Value.Null));
    }

    [TestMethod]
    public void AHostFunctionMayCallScriptFunctionsThroughTheEngine()
    {
        var engine = Engine();
        engine.Evaluate("fn inc(x: number) -> number { return x + 1; }");
        engine.RegisterFunction("viaHost", (double x) => engine.Call<double>("inc", x) * 10);
        Assert.AreEqual(30.0, engine.Evaluate("viaHost(2)"));
        // A script's definitions reach the host when it has run; values of earlier ones are current.
        engine.Evaluate("var seen = 0;");
        engine.RegisterFunction("peek", () => engine.GetGlobal<double>("seen"));
        Assert.AreEqual(7.0, engine.Evaluate("seen = 7; peek()"));
    }

    [TestMethod]
    public void ScriptsCannotBeStartedFromInsideAScript()
    {
        var engine = Engine();
        engine.RegisterFunction("nested", () => engine.Evaluate("1"));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("nested()"));
        Assert.IsInstanceOfType<InvalidOperationException>(e.InnerException);
        Assert.AreEqual(1.0, engine.Evaluate("1"), "the engine is still usable");
    }

    [TestMethod]
    public void AThrowingHostFunctionEndsTheScriptWithAnAtlasError()
    {
        var engine = Engine();
        engine.RegisterFunction("fail", (string why) => throw new InvalidOperationException(why));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("var before = 1;\nfail(\"disk full\");\nvar after = 2;"));
        Assert.AreEqual("AT0102", e.Code);
        Assert.AreEqual("Invalid argument to standard library function: fail(): disk full", e.Message);
        Assert.IsInstanceOfType<InvalidOperationException>(e.InnerException);
        StringAssert.StartsWith(engine.FormatError(e), "<eval>:1:2:1: error[AT0102]");
        Assert.AreEqual(1.0, engine.GetGlobal("before"));
        Assert.IsFalse(engine.TryGetGlobal("after", out _));
    }

    [TestMethod]
    public void ArgumentsAndResultsThatDoNotFitAreErrors()
    {
        var engine = Engine();
        engine.RegisterFunction("len2", (string s) => s.Length);
        engine.RegisterFunction("nullString", () => (string)null!);
        // `?` lets any value reach a typed parameter; the conversion refuses it.
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("let m = hashMapNew(); hashMapPut(m, \"k\", 5); len2(unwrap(hashMapGet(m, \"k\")))"));
        Assert.AreEqual("Invalid argument to standard library function: len2(): expected string, got number", e.Message);
        e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("nullString()"));
        Assert.AreEqual("Invalid argument to standard library function: nullString(): returned null where string is expected", e.Message);
    }

    [TestMethod]
    public void UnsupportedDotNetTypesAreRefusedAtRegistration()
    {
        var engine = Engine();
        Assert.ThrowsExactly<ArgumentException>(() => engine.RegisterFunction("f", (DateTime d) => d.Year));
        Assert.ThrowsExactly<ArgumentException>(() => engine.RegisterFunction("print", (double x) => x));
    }

    [TestMethod]
    public void ScriptsMayRedefineAHostFunction()
    {
        var engine = Engine();
        engine.RegisterFunction("greet", () => "host");
        engine.Evaluate("fn greet() -> string { return \"script\"; }");
        Assert.AreEqual("script", engine.Evaluate("greet()"));
    }

    [TestMethod]
    public void PrintGoesToTheConfiguredOutput()
    {
        var output = new StringWriter();
        var engine = Engine(output);
        engine.RegisterFunction("name", () => "Atlas");
        engine.Evaluate("print(\"hello, \" + name());\nprint([1, 2]);");
        Assert.AreEqual("hello, Atlas\n[1, 2]\n", output.ToString().ReplaceLineEndings("\n"));
    }
}
