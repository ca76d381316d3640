using Atlas.Tests.Support;
using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class ArrayHigherOrderTests
{
    private static string D(Value v) => ValueFormatter.Display(v);

    private static readonly Value IsEven = Native("isEven", a => Value.Bool(a[0].Num % 2 == 0));
    private static readonly Value Square = Native("square", a => Value.Number(a[0].Num * a[0].Num));
    private static readonly Value Add = Native("add", a => Value.Number(a[0].Num + a[1].Num));
    private static readonly Value Ascending = Native("asc", a => Value.Number(a[0].Num - a[1].Num));
    private static readonly Value Descending = Native("desc", a => Value.Number(a[1].Num - a[0].Num));

    [TestMethod]
    public void SpecExamplePipeline()
    {
        var nums = Arr(5, 2, 8, 1);
        Assert.AreEqual(68.0, Call("reduce", Call("map", Call("filter", nums, IsEven), Square), Add, 0).Num);
        Assert.AreEqual("8,5,2,1", Show("join", Call("map", Call("sort", nums, Descending), Builtin("str")), ","));
    }

    [TestMethod]
    public void MapFilterReduceForEach()
    {
        Assert.AreEqual("[1, 4, 9]", Show("map", Arr(1, 2, 3), Square));
        Assert.AreEqual("[]", Show("map", Arr(), Square));
        Assert.AreEqual("[2, 4]", Show("filter", Arr(1, 2, 3, 4), IsEven));
        Assert.AreEqual("init", Show("reduce", Arr(), Add, "init"));
        var concat = Native("cat", a => Value.String(a[0].AsString + ValueFormatter.Display(a[1])));
        Assert.AreEqual(">123", Show("reduce", Arr(1, 2, 3), concat, ">"));

        var seen = new List<double>();
        var record = Native("record", a => { seen.Add(a[0].Num); return Value.Number(99); });
        Assert.AreEqual(Value.Null, Call("forEach", Arr(3, 1, 2), record));
        CollectionAssert.AreEqual(new[] { 3.0, 1.0, 2.0 }, seen);
    }

    [TestMethod]
    public void FindAndFindIndex()
    {
        Assert.AreEqual(4.0, Call("find", Arr(1, 4, 6), IsEven).Num);
        Assert.AreEqual(Value.Null, Call("find", Arr(1, 3), IsEven)); // null, not an Option
        Assert.AreEqual(1.0, Call("findIndex", Arr(1, 4, 6), IsEven).Num);
        Assert.AreEqual(-1.0, Call("findIndex", Arr(1, 3), IsEven).Num);
    }

    [TestMethod]
    public void FlatMapSplicesArrayResultsOnly()
    {
        var twice = Native("twice", a => Arr(a[0], a[0]));
        Assert.AreEqual("[1, 1, 2, 2]", Show("flatMap", Arr(1, 2), twice));
        var mixed = Native("mixed", a => a[0].Num > 1 ? Arr(Arr(a[0])) : a[0]);
        Assert.AreEqual("[1, [2]]", Show("flatMap", Arr(1, 2), mixed));
    }

    [TestMethod]
    public void SomeAndEveryShortCircuit()
    {
        int calls = 0;
        var counting = Native("even", a => { calls++; return Value.Bool(a[0].Num % 2 == 0); });
        Assert.IsTrue(Call("some", Arr(1, 2, 3, 4), counting).AsBool);
        Assert.AreEqual(2, calls);
        calls = 0;
        Assert.IsFalse(Call("every", Arr(2, 3, 4), counting).AsBool);
        Assert.AreEqual(2, calls);
        Assert.IsFalse(Call("some", Arr(), counting).AsBool);
        Assert.IsTrue(Call("every", Arr(), counting).AsBool);
        Assert.IsTrue(Call("every", Arr(2, 4), counting).AsBool);
    }

    [TestMethod]
    public void SortIsTheSpecifiedInsertionSort()
    {
        var calls = new List<string>();
        var logging = Native("cmp", a => { calls.Add($"{a[0].Num},{a[1].Num}"); return Value.Number(a[0].Num - a[1].Num); });
        Assert.AreEqual("[1, 2, 3]", Show("sort", Arr(3, 1, 2), logging));
        CollectionAssert.AreEqual(new[] { "1,3", "2,3", "2,1" }, calls);
    }

    [TestMethod]
    public void SortIsStableAndStopsOnZeroPositiveOrNaN()
    {
        var byFirst = Native("byFirst", a => Value.Number(a[0].AsArray[0].Num - a[1].AsArray[0].Num));
        Assert.AreEqual("[[1, b], [1, d], [2, a], [2, c]]", Show("sort", Arr(Arr(2, "a"), Arr(1, "b"), Arr(2, "c"), Arr(1, "d")), byFirst));
        var nan = Native("nan", _ => Value.Number(double.NaN));
        Assert.AreEqual("[3, 1, 2]", Show("sort", Arr(3, 1, 2), nan));
        // An inconsistent comparator: the algorithm, not a total order, defines the result.
        var alwaysLess = Native("less", _ => Value.Number(-1));
        Assert.AreEqual("[3, 2, 1]", Show("sort", Arr(1, 2, 3), alwaysLess));
        Assert.AreEqual("[1, 2, 3]", Show("sort", Arr(3, 2, 1), Ascending));
    }

    [TestMethod]
    public void SortByCallsTheKeyOncePerElementInOrder()
    {
        var seen = new List<string>();
        var length = Native("length", a => { seen.Add(a[0].AsString); return Value.Number(a[0].AsString.Length); });
        Assert.AreEqual("[b, dd, aa, ccc]", Show("sortBy", Arr("ccc", "b", "dd", "aa"), length));
        CollectionAssert.AreEqual(new[] { "ccc", "b", "dd", "aa" }, seen);
        var identity = Native("id", a => a[0]);
        Assert.AreEqual("[Zoo, apple, zoo]", Show("sortBy", Arr("zoo", "apple", "Zoo"), identity)); // code-point order
        var constant = Native("const", _ => Value.True);
        Assert.AreEqual("[3, 1, 2]", Show("sortBy", Arr(3, 1, 2), constant)); // keys of other kinds compare equal
    }

    [TestMethod]
    public void CallbackErrorsPropagate()
    {
        var boom = Native("boom", _ => throw AtlasRuntimeException.Type("boom"));
        FailsType("boom", "map", Arr(1), boom);
        Assert.AreEqual("[]", Show("map", Arr(), boom)); // never called for an empty array
    }

    [TestMethod]
    [DataRow("map", "array, callback")]
    [DataRow("forEach", "array, callback")]
    [DataRow("flatMap", "array, callback")]
    [DataRow("filter", "array, predicate")]
    [DataRow("find", "array, predicate")]
    [DataRow("findIndex", "array, predicate")]
    [DataRow("some", "array, predicate")]
    [DataRow("every", "array, predicate")]
    [DataRow("sort", "array, comparator")]
    [DataRow("sortBy", "array, keyExtractor")]
    public void TwoArgumentHigherOrderErrors(string name, string parameters)
    {
        FailsType($"{name}() expects 2 arguments ({parameters})", name, Arr());
        FailsType($"{name}() expects 2 arguments ({parameters})", name, Arr(), IsEven, 1);
        FailsType($"{name}() first argument must be array", name, "abc", IsEven);
        FailsType($"{name}() second argument must be function", name, Arr(), "isEven");
    }

    [TestMethod]
    public void ReduceErrors()
    {
        FailsType("reduce() expects 3 arguments (array, reducer, initial)", "reduce", Arr(), Add);
        FailsType("reduce() first argument must be array", "reduce", Value.Null, Add, 0);
        FailsType("reduce() second argument must be function", "reduce", Arr(), 1, 0);
    }

    [TestMethod]
    [DataRow("filter")]
    [DataRow("find")]
    [DataRow("findIndex")]
    [DataRow("some")]
    [DataRow("every")]
    public void PredicatesMustReturnBool(string name) =>
        FailsType($"{name}() predicate must return bool", name, Arr(1), Square);

    [TestMethod]
    public void ComparatorMustReturnNumber() =>
        FailsType("sort() comparator must return number", "sort", Arr(2, 1), IsEven);

    // Found by fuzzing: a runtime error raised 400 callbacks deep (map calling a function that calls map …) crashed
    // the host on a 1 MB stack while unwinding, because each interpreter frame rethrew it from inside its handler.
    [TestMethod]
    [DataRow("let r = map([n - 1], f);\n    return r[0] + 1;", "100000", "AT0008")]
    [DataRow("let r = map([n - 1], f);\n    return r[0] + 1;", "100", "AT0005")]
    [DataRow("return reduce([n - 1], fn2, 0);", "100000", "AT0008")]
    [DataRow("return len(sort([n - 1, n], cmp));", "100000", "AT0008")]
    public void ErrorsUnwindThroughDeeplyNestedCallbacks(string body, string n, string code)
    {
        var source = "fn f(n: number) -> number {\n    if (n <= 0) { return 1 / 0; }\n    " + body + "\n}\n"
                     + "fn fn2(acc: number, x: number) -> number { return f(x) + acc; }\n"
                     + "fn cmp(a: number, b: number) -> number { return f(a - 1) * 0 + a - b; }\n"
                     + $"print(f({n}));";
        Assert.AreEqual(code, SmallStack.Execute(source));
        // Compiled frames have no handlers of their own: Interpreter.Invoke is the one that must not rethrow inside its handler.
        Assert.AreEqual(code, SmallStack.Execute(source, new Atlas.Jit.JitEngine(new Atlas.Jit.JitConfig { CompilationThreshold = 1 })));
    }

    // Found by fuzzing: a comparator that neither loops nor calls a user function never reached a budget check, so
    // sorting 100,000 elements (5·10⁹ comparisons) ignored the time limit and hung the host.
    [TestMethod]
    public void CallbacksRespectTheTimeLimit()
    {
        var source = "fn c(a: number, b: number) -> number { return -1; }\nvar a: number[] = [];\n"
                     + "for (var i = 0; i < 100000; i++) { a.push(i); }\nprint(len(sort(a, c)));";
        var program = Atlas.Hosting.Pipeline.Compile(source).Program!;
        var vm = new Interpreter { Out = new StringWriter(), Limits = new ExecutionLimits { Timeout = TimeSpan.FromSeconds(0.2) } };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => vm.Run(program));
        Assert.AreEqual(RuntimeErrorKind.Timeout, e.Kind);
        Assert.IsLessThan(10, clock.Elapsed.TotalSeconds);
    }
}
