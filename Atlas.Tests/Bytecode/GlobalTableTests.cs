using Atlas.Bytecode;
using Atlas.Semantics;

namespace Atlas.Tests.Bytecode;

/// <summary>Which global slots a program may store into after defining them (compiled calls rely on the others).</summary>
[TestClass]
public sealed class GlobalTableTests
{
    private static GlobalTable Globals(string source) => global::Atlas.Hosting.Pipeline.Compile(source).Program!.Globals;

    [TestMethod]
    public void FunctionsAndLetsAreNotMutableVarsAreAndUnknownSlotsAre()
    {
        var table = Globals("""
            fn f() -> number { return 1; }
            let k = 2;
            var v = 3;
            v = f() + k;
            """);
        Assert.IsFalse(table.IsMutable(table.FindByName("f")), "a fn is replaced only by a redefinition");
        Assert.IsFalse(table.IsMutable(table.FindByName("k")));
        Assert.IsTrue(table.IsMutable(table.FindByName("v")));
        Assert.IsTrue(table.IsMutable(-1));
        Assert.IsTrue(table.IsMutable(table.Count));
    }

    [TestMethod]
    public void ANestedFunctionsLateBoundAliasIsMutable()
    {
        var table = Globals("""
            fn outer(x: number) -> number {
                fn inner(y: number) -> number { return y + x; }
                return inner(1);
            }
            print(outer(1));
            """);
        Assert.IsTrue(table.IsMutable(table.FindByName("inner")), "each run of outer stores a new closure there");
        Assert.IsFalse(table.IsMutable(table.FindByName("outer")));
    }

    [TestMethod]
    public void AnAliasMadeByAMutableDeclarationMakesTheSlotMutableForGood()
    {
        var table = new GlobalTable();
        Symbol Declare(bool mutable) => new() { Name = "f", Kind = SymbolKind.Global, Mutable = mutable, Type = AtlasType.Number };
        int slot = table.SlotOf(Declare(false));
        Assert.IsFalse(table.IsMutable(slot));
        table.Alias(Declare(true), slot);
        Assert.IsTrue(table.IsMutable(slot));
        table.Alias(Declare(false), slot);
        Assert.IsTrue(table.IsMutable(slot), "code compiled for the var may still store into it");
    }
}
