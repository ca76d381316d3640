using Atlas.Vm;

namespace Atlas.Tests.Values;

/// <summary>
/// Passing a collection to a builtin that only reads it (hashMapHas, len, queuePeek …) must not mark it shared: otherwise
/// the next write copies the whole collection and a loop of read-then-write is quadratic (issue 13). Each loop below
/// copies at most once, counted over every copy-on-write kind.
/// </summary>
[TestClass]
public sealed class CollectionCopyCostTests
{
    internal const int N = 20_000;

    internal static readonly (string Name, string Source)[] Loops =
    [
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
    public void ReadThenWriteLoopsCopyAtMostOnce(string name)
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
