using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Tests.Semantics;

/// <summary>Checking one REPL entry against the definitions of earlier entries (<see cref="CheckSession"/>).</summary>
[TestClass]
public sealed class CheckSessionTests
{
    /// <summary>Checks an entry; when it has no errors, commits all its top-level definitions as the REPL would after running it.</summary>
    private static (string Errors, CompilationUnit Unit) Enter(CheckSession session, string source)
    {
        var parse = Parser.Parse(source);
        Assert.IsFalse(parse.Diagnostics.Any(d => d.IsError), source);
        var result = Checker.Check(parse.Unit, session);
        var errors = string.Join("\n", result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code}: {d.Message}"));
        if (!result.HasErrors)
            foreach (var item in parse.Unit.Items)
            {
                if (item is VarDecl { Symbol: { } v }) session.Define(v);
                if (item is FnDecl { Symbol: { } f }) session.Define(f);
                if (item is TypeAliasDecl { ResolvedTarget: { } t } a) session.DefineAlias(a.Name, t);
            }
        return (errors, parse.Unit);
    }

    [TestMethod]
    public void EarlierNamesResolveToTheirSymbolsWithTheirTypes()
    {
        var session = new CheckSession();
        var (_, first) = Enter(session, "let xs = [1, 2]; fn f(n: number) -> string { return str(n); }");
        var (errors, second) = Enter(session, "let s: string = f(xs[0]);");
        Assert.AreEqual("", errors);
        var firstX = ((VarDecl)first.Items[0]).Symbol;
        var call = (CallExpr)((VarDecl)second.Items[0]).Initializer;
        Assert.AreSame(((FnDecl)first.Items[1]).Symbol, ((NameExpr)call.Callee).Symbol);
        Assert.AreSame(firstX, ((NameExpr)((IndexExpr)call.Args[0]).Target).Symbol);
        Assert.AreEqual("AT3001: Type mismatch: expected number, found string", Enter(session, "let bad: number = f(1);").Errors);
    }

    [TestMethod]
    public void RedeclaringInALaterEntryMakesANewSymbol()
    {
        var session = new CheckSession();
        var (_, first) = Enter(session, "let x = 1;");
        var (errors, second) = Enter(session, "let x = \"s\"; fn x2() -> string { return x; }");
        Assert.AreEqual("", errors);
        Assert.AreNotSame(((VarDecl)first.Items[0]).Symbol, ((VarDecl)second.Items[0]).Symbol);
        Assert.AreEqual("string", session.Globals["x"].Type.Display);
        Assert.AreEqual("AT2003: Function 'g' is already defined", Enter(session, "fn g() {} fn g() {}").Errors);
    }

    [TestMethod]
    public void FunctionsRecordTheTopLevelNamesTheyUse()
    {
        var session = new CheckSession();
        Enter(session, "let a = 1; var b = 2; fn helper() -> number { return 3; }");
        var (_, unit) = Enter(session, "fn user(p: number) -> number { fn inner() -> number { return a; } b = p; return inner() + helper(); }");
        var used = ((FnDecl)unit.Items[0]).GlobalReferences!.Select(s => s.Name).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "a", "b", "helper" }, used);
        CollectionAssert.AreEqual(new[] { "user" }, session.DependentsOf("helper").Select(d => d.Definition).ToArray());
    }

    [TestMethod]
    [DataRow("fn f(s: string) -> number { return 1; }", "AT3001: cannot redefine 'f' with type (string) -> number: 'g' uses it as (number) -> number")]
    [DataRow("fn f(x: number) -> string { return \"\"; }", "AT3001: cannot redefine 'f' with type (number) -> string: 'g' uses it as (number) -> number")]
    [DataRow("let f = 1;", "AT3001: cannot redefine 'f' with type number: 'g' uses it as (number) -> number")]
    [DataRow("fn f(y: number) -> number { return y * 2; }", "")]
    [DataRow("fn f(s: string) -> number { return 1; } fn g() -> number { return f(\"x\"); }", "")]
    public void RedefinitionMustKeepTheTypeItsUsersRelyOn(string entry, string expected)
    {
        var session = new CheckSession();
        Enter(session, "fn f(x: number) -> number { return x; }");
        Enter(session, "fn g() -> number { return f(1); }");
        Assert.AreEqual(expected, Enter(session, entry).Errors);
    }

    [TestMethod]
    public void GenericFunctionMayBeRedefinedWithTheSameSignature()
    {
        var session = new CheckSession();
        Enter(session, "fn id<T>(x: T) -> T { return x; }");
        Enter(session, "fn use() -> number { return id(1); }");
        Assert.AreEqual("", Enter(session, "fn id<T>(y: T) -> T { return y; }").Errors);
    }

    [TestMethod]
    public void AliasesOfEarlierEntriesResolve()
    {
        var session = new CheckSession();
        Enter(session, "type Names = string[];");
        Assert.AreEqual("AT3001: Type mismatch: expected string[], found number[]", Enter(session, "let n: Names = [1];").Errors);
    }

    [TestMethod]
    public void WithoutASessionNothingChanges() =>
        Assert.AreEqual("AT2003: Symbol 'x' is already defined in this scope", CheckHelper.Errors("let x = 1; let x = 2;"));
}
