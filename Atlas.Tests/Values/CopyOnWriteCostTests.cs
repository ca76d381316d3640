using Atlas.Vm;

namespace Atlas.Tests.Values;

/// <summary>
/// Value semantics must not make building or updating a collection in a loop quadratic: the loops below copy at most once
/// (the first write to a shared array), however many elements they touch. That includes reading a collection through a
/// builtin that only reads it (hashMapHas, len, queuePeek …) before writing it: such a read must not mark it shared
/// (issue 13). Copies are counted over every copy-on-write kind.
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
        ("map has then put", $$"""
            var counts = hashMapNew();
            for (var i = 0; i < {{N}}; i++) { let t = "k" + str(i); let _has = hashMapHas(counts, t); hashMapPut(counts, t, i); }
            print(hashMapSize(counts));
            """),
        ("map get then put in a function", $$"""
            fn count(n: number) -> number {
                var counts = hashMapNew();
                for (var i = 0; i < n; i++) {
                    let t = "k" + str(i % 100);
                    hashMapPut(counts, t, unwrap_or(hashMapGet(counts, t), 0) + 1);
                }
                return hashMapSize(counts) + len(hashMapKeys(counts));
            }
            print(count({{N}}));
            """),
        ("set has then add", $$"""
            var seen = hashSetNew();
            for (var i = 0; i < {{N}}; i++) { if (!hashSetHas(seen, i) && hashSetSize(seen) >= 0) { hashSetAdd(seen, i); } }
            print(hashSetSize(seen));
            """),
        ("queue peek then enqueue", $$"""
            var q = queueNew();
            for (var i = 0; i < {{N}}; i++) { let _p = queuePeek(q); let _n = queueSize(q); queueEnqueue(q, i); }
            print(queueSize(q));
            """),
        ("stack peek then push", $$"""
            var s = stackNew();
            for (var i = 0; i < {{N}}; i++) { let _p = stackPeek(s); let _e = stackIsEmpty(s); stackPush(s, i); }
            print(stackSize(s));
            """),
        ("array len and includes then write", $$"""
            var a: number[] = [];
            for (var i = 0; i < {{N}}; i++) { if (!arrayIncludes(a, -1)) { a.push(i); } }
            for (var i = 0; i < len(a); i++) { a[i] = a.len() - i; }
            print(a[0]);
            """),
    ];

    public static IEnumerable<object[]> Cases => Loops.Select(l => new object[] { l.Name });

    internal static string SourceOf(string name) => Loops.Single(l => l.Name == name).Source;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void LoopsOfWritesCopyAtMostOnce(string name)
    {
        var program = global::Atlas.Hosting.Pipeline.Compile(SourceOf(name)).Program!;
        var vm = new Interpreter { Out = new StringWriter() };
        long before = CowObject.CopiesOnThisThread;
        vm.Run(program);
        long copies = CowObject.CopiesOnThisThread - before;
        Assert.IsLessThanOrEqualTo(1L, copies, $"{name}: {copies} copies");
        Assert.AreNotEqual("", vm.Out.ToString());
    }

    [TestMethod]
    public void ReadingBuiltinThenCopyKeepsTheCopyUnchanged()
    {
        // The variable is not marked shared by hashMapHas; a later copy still is, so writing after it copies once.
        const string source = """
            var m = hashMapNew();
            hashMapPut(m, "a", 1);
            let _h = hashMapHas(m, "a");
            let keep = m;
            hashMapPut(m, "b", 2);
            print(hashMapSize(keep));
            print(hashMapSize(m));
            """;
        var program = global::Atlas.Hosting.Pipeline.Compile(source).Program!;
        var vm = new Interpreter { Out = new StringWriter() };
        long before = CowObject.CopiesOnThisThread;
        vm.Run(program);
        Assert.AreEqual("1\n2\n", vm.Out.ToString());
        Assert.AreEqual(1L, CowObject.CopiesOnThisThread - before);
    }
}
