using Atlas.Repl.Repl;

namespace Atlas.Tests.Repl;

/// <summary>Redeclaring top-level names in later entries (repl.md "State and redefinition"), with the JIT hook in place.</summary>
[TestClass]
public sealed class ReplRedefinitionTests
{
    [TestMethod]
    public void HotCallerSeesTheNewDefinitionAndTheOldCodeIsInvalidated()
    {
        var jit = new MarkingJit { Threshold = 1 };
        var repl = new ReplHarness(jit);
        repl.Ok("fn f(x: number) -> number { return x + 1; }");
        repl.Ok("fn g() -> number { return f(10) * 2; }");
        Assert.AreEqual("22 : number\n", repl.Ok("g()"));
        Assert.AreEqual("22 : number\n", repl.Ok("g()"));
        var oldF = repl.Session.FunctionNamed("f")!;
        var g = repl.Session.FunctionNamed("g")!;
        Assert.Contains(g, jit.Hot, "g went through the JIT");
        Assert.Contains(oldF, jit.Hot, "f went through the JIT");

        repl.Ok("fn f(x: number) -> number { return x + 100; }");
        Assert.Contains(oldF, jit.Invalidated, "the old f's compiled code is dropped");
        Assert.AreNotSame(oldF, repl.Session.FunctionNamed("f"));
        Assert.AreEqual("220 : number\n", repl.Ok("g()"));
    }

    [TestMethod]
    public void RedefinedVariableIsSeenByEarlierFunctions()
    {
        var repl = new ReplHarness();
        repl.Ok("let rate = 2;");
        repl.Ok("fn scale(x: number) -> number { return x * rate; }");
        repl.Ok("let rate = 10;");
        Assert.AreEqual("30 : number\n", repl.Ok("scale(3)"));
        // let/var may change; a var may then be assigned as usual.
        repl.Ok("var rate = 3;");
        repl.Ok("rate = 4;");
        Assert.AreEqual("12 : number\n", repl.Ok("scale(3)"));
    }

    [TestMethod]
    public void ChangingTheTypeOfAUsedFunctionIsRejected()
    {
        var repl = new ReplHarness();
        repl.Ok("fn f(x: number) -> number { return x; }");
        repl.Ok("fn g() -> number { return f(1); }");
        var (outcome, _, stderr) = repl.Enter("fn f(s: string) -> number { return len(s); }");
        Assert.AreEqual(EntryOutcome.CompileError, outcome);
        StringAssert.StartsWith(stderr,
            "<repl>:3:1:4: error[AT3001]: cannot redefine 'f' with type (string) -> number: 'g' uses it as (number) -> number\n");
        // Nothing changed.
        Assert.AreEqual("1 : number\n", repl.Ok("g()"));
    }

    [TestMethod]
    public void ChangingTheTypeOfAUsedVariableIsRejected()
    {
        var repl = new ReplHarness();
        repl.Ok("var count = 0;");
        repl.Ok("fn bump() { count += 1; }");
        var (outcome, _, stderr) = repl.Enter("let count = \"many\";");
        Assert.AreEqual(EntryOutcome.CompileError, outcome);
        StringAssert.Contains(stderr, "error[AT3001]: cannot redefine 'count' with type string: 'bump' uses it as number");
    }

    [TestMethod]
    public void ANameNobodyUsesMayChangeType()
    {
        var repl = new ReplHarness();
        repl.Ok("fn f(x: number) -> number { return x; }");
        repl.Ok("let v = 1;");
        repl.Ok("fn f(s: string) -> string { return s + \"!\"; }");
        repl.Ok("let v = [true];");
        Assert.AreEqual("\"a!\" : string\n", repl.Ok("f(\"a\")"));
        Assert.AreEqual("[true] : bool[]\n", repl.Ok("v"));
        // A function may become a variable and back.
        repl.Ok("let f = 5;");
        Assert.AreEqual("5 : number\n", repl.Ok("f"));
    }

    [TestMethod]
    public void ReplacingTheOnlyUserInTheSameEntryAllowsTheChange()
    {
        var repl = new ReplHarness();
        repl.Ok("fn f(x: number) -> number { return x; }");
        repl.Ok("fn g() -> number { return f(1); }");
        repl.Ok("fn f(s: string) -> number { return len(s); }\nfn g() -> number { return f(\"abc\"); }");
        Assert.AreEqual("3 : number\n", repl.Ok("g()"));
    }

    [TestMethod]
    public void RecursiveFunctionMayChangeItsOwnType()
    {
        var repl = new ReplHarness();
        repl.Ok("fn fact(n: number) -> number { if (n <= 1) { return 1; } return n * fact(n - 1); }");
        repl.Ok("fn fact(n: number) -> string { return \"no\"; }");
        Assert.AreEqual("\"no\" : string\n", repl.Ok("fact(3)"));
    }

    [TestMethod]
    public void AFunctionOfTheEntryUsingTheOldDefinitionCountsAsAUser()
    {
        var repl = new ReplHarness();
        repl.Ok("let limit = 5;");
        var (outcome, _, stderr) = repl.Enter("fn check(x: number) -> bool { return x < limit; }\nlet limit = \"five\";");
        Assert.AreEqual(EntryOutcome.CompileError, outcome);
        StringAssert.Contains(stderr, "cannot redefine 'limit' with type string: 'check' uses it as number");
    }

    [TestMethod]
    public void RedeclaringTwiceInOneEntryIsStillAT2003()
    {
        var repl = new ReplHarness();
        repl.Ok("let x = 1;");
        var (outcome, _, stderr) = repl.Enter("let x = 2;\nlet x = 3;");
        Assert.AreEqual(EntryOutcome.CompileError, outcome);
        StringAssert.Contains(stderr, "<repl>:2:2:5: error[AT2003]: Symbol 'x' is already defined in this scope");
        var fns = repl.Enter("fn h() {}\nfn h() {}");
        StringAssert.Contains(fns.Err, "error[AT2003]: Function 'h' is already defined");
    }

    [TestMethod]
    public void UndefinedVariableBecomesVisibleToItsUsersWhenDeclaredLater()
    {
        var repl = new ReplHarness();
        // The entry fails before `late` is declared, but `show` (bound before the first statement) refers to its slot.
        repl.Enter("let boom = 1 / 0;\nlet late = 1;\nfn show() -> number { return late; }");
        StringAssert.Contains(repl.Enter("show()").Err, "error[AT0002]: Unknown symbol: late");
        repl.Ok("let late = 42;");
        Assert.AreEqual("42 : number\n", repl.Ok("show()"));
    }

    [TestMethod]
    public void JitOffDropsCompiledCodeAndOnComesBack()
    {
        var jit = new MarkingJit { Threshold = 1 };
        var repl = new ReplHarness(jit);
        repl.Ok("fn f() -> number { return 1; }\nf();");
        var f = repl.Session.FunctionNamed("f")!;
        repl.Command(":jit off");
        Assert.Contains(f, jit.Invalidated);
        Assert.IsFalse(repl.Session.JitEnabled);
        jit.Hot.Clear();
        repl.Ok("f()");
        Assert.IsEmpty(jit.Hot, "nothing goes through the JIT while it is off");
        repl.Command(":jit on");
        repl.Ok("f()");
        Assert.Contains(f, jit.Hot);
    }
}
