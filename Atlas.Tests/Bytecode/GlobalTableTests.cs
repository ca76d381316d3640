using Atlas.Bytecode;
using Atlas.Semantics;

namespace Atlas.Tests.Bytecode;

/// <summary>Which global slots hold a declared function from its definition on (compiled calls rely on them).</summary>
[TestClass]
public sealed class GlobalTableTests
{
    private static GlobalTable Globals(string source) => global::Atlas.Hosting.Pipeline.Compile(source).Program!.Globals;

    [TestMethod]
    public void OnlyFunctionDeclarationsHoldADeclaredFunction()
    {
        var table = Globals("""
            fn f() -> number { return 1; }
            let k = 2;
            var v = 3;
            v = f() + k;
            """);
        Assert.IsTrue(table.HoldsDeclaredFunction(table.FindByName("f")), "a fn is replaced only by a redefinition");
        Assert.IsFalse(table.HoldsDeclaredFunction(table.FindByName("k")), "a let may hold any value");
        Assert.IsFalse(table.HoldsDeclaredFunction(table.FindByName("v")));
        Assert.IsFalse(table.HoldsDeclaredFunction(-1));
        Assert.IsFalse(table.HoldsDeclaredFunction(table.Count));
    }

    [TestMethod]
    public void ANestedFunctionsLateBoundAliasDoesNot()
    {
        var table = Globals("""
            fn outer(x: number) -> number {
                fn inner(y: number) -> number { return y + x; }
                return inner(1);
            }
            print(outer(1));
            """);
        Assert.IsFalse(table.HoldsDeclaredFunction(table.FindByName("inner")), "each run of outer stores a new closure there");
        Assert.IsTrue(table.HoldsDeclaredFunction(table.FindByName("outer")));
    }

    [TestMethod]
    public void AnAliasMadeByAnotherKindOfDeclarationEndsItForGood()
    {
        var table = new GlobalTable();
        Symbol Declare(SymbolKind kind) => new() { Name = "f", Kind = kind, Mutable = false, Type = AtlasType.Number };
        int slot = table.SlotOf(Declare(SymbolKind.Function));
        Assert.IsTrue(table.HoldsDeclaredFunction(slot));
        table.Alias(Declare(SymbolKind.Function), slot);
        Assert.IsTrue(table.HoldsDeclaredFunction(slot), "a function redefined as a function");
        table.Alias(Declare(SymbolKind.Global), slot);
        Assert.IsFalse(table.HoldsDeclaredFunction(slot));
        table.Alias(Declare(SymbolKind.Function), slot);
        Assert.IsFalse(table.HoldsDeclaredFunction(slot), "code compiled for the other declaration may still store into it");
    }
}
