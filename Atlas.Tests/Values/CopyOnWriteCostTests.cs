using Atlas.Vm;

namespace Atlas.Tests.Values;

/// <summary>
/// Value semantics must not make building or updating an array in a loop quadratic: the loops below copy the array
/// at most once (the first write to a shared array), however many elements they touch.
/// </summary>
[TestClass]
public sealed class CopyOnWriteCostTests
{
    internal const int N = 20_000;

    internal static readonly (string Name, string Source)[] Loops =
    [
        ("push method", $"var a: number[] = []; for (var i = 0; i < {N}; i++) {{ a.push(i); }} print(len(a));"),
        ("arrayPush reassigned", $"var a: number[] = []; for (var i = 0; i < {N}; i++) {{ a = arrayPush(a, i); }} print(len(a));"),
        ("index assignment", $"var a: number[] = []; for (var i = 0; i < {N}; i++) {{ a.push(0); }} for (var i = 0; i < {N}; i++) {{ a[i] = i * 2; }} print(a[{N} - 1]);"),
        ("strings pushed", $"var a: string[] = []; for (var i = 0; i < {N}; i++) {{ a.push(str(i)); }} print(len(a));"),
        ("inside a function", $$"""
            fn build(n: number) -> number[] {
                var a: number[] = [];
                for (var i = 0; i < n; i++) { a.push(i); }
                return a;
            }
            var b = build({{N}});
            for (var i = 0; i < {{N}}; i++) { b[i] = b[i] + 1; }
            print(b[0]);
            """),
        ("after a shared copy", $"var a: number[] = []; for (var i = 0; i < {N}; i++) {{ a.push(0); }} let keep = a; for (var i = 0; i < {N}; i++) {{ a[i] = 1; }} print(keep[0] + a[0]);"),
    ];

    public static IEnumerable<object[]> Cases => Loops.Select(l => new object[] { l.Name });

    internal static string SourceOf(string name) => Loops.Single(l => l.Name == name).Source;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void LoopsOfWritesCopyAtMostOnce(string name)
    {
        var program = global::Atlas.Hosting.Pipeline.Compile(SourceOf(name)).Program!;
        var vm = new Interpreter { Out = new StringWriter() };
        long before = AtlasArray.CopiesOnThisThread;
        vm.Run(program);
        long copies = AtlasArray.CopiesOnThisThread - before;
        Assert.IsLessThanOrEqualTo(1L, copies, $"{name}: {copies} array copies");
        Assert.AreNotEqual("", vm.Out.ToString());
    }
}
