using Atlas.Jit.Codegen;
using Atlas.Jit.Tests.Support;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>The numbers compiled fault handlers name their functions by.</summary>
[TestClass]
public sealed class UnwindSitesTests
{
    [TestMethod]
    public void APrototypeKeepsItsNumberAndEachNumberGivesItsPrototypeBack()
    {
        var program = Exec.Compile("fn a() -> number { return 1; }\nfn b() -> number { return 2; }\nprint(a() + b());");
        var a = Exec.Function(program, "a");
        var b = Exec.Function(program, "b");
        int idA = UnwindSites.IdOf(a), idB = UnwindSites.IdOf(b);
        Assert.AreNotEqual(idA, idB);
        Assert.AreEqual(idA, UnwindSites.IdOf(a));
        Assert.AreSame(a, UnwindSites.ProtoOf(idA));
        Assert.AreSame(b, UnwindSites.ProtoOf(idB));
    }

    [TestMethod]
    public void TheErrorStackOfADeepCompiledRecursionNamesEveryFrame()
    {
        // Every compiled frame's fault handler records itself by number: the stack is the interpreter's, frame for frame.
        Parity.Check("""
            fn down(n: number) -> number {
                if (n == 0) { return 1 / n; }
                return down(n - 1) + 1;
            }
            print(down(5));
            """, 1, 2);
    }
}
