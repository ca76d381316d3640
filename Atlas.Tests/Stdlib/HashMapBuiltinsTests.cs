using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class HashMapBuiltinsTests
{
    private static string D(Value v) => ValueFormatter.Display(v);

    [TestMethod]
    public void PutGetAndKeyIdentity()
    {
        var m = Call("hashMapNew");
        m = Call("hashMapPut", m, 1, "one");
        m = Call("hashMapPut", m, "1", "string one");
        m = Call("hashMapPut", m, true, "yes");
        m = Call("hashMapPut", m, Value.Null, "nothing");
        m = Call("hashMapPut", m, double.NaN, "nan");
        Assert.AreEqual(5.0, Call("hashMapSize", m).Num);
        Assert.AreEqual("Some(one)", Show("hashMapGet", m, 1.0));
        Assert.AreEqual("Some(string one)", Show("hashMapGet", m, "1"));
        Assert.AreEqual("Some(yes)", Show("hashMapGet", m, true));
        Assert.AreEqual("Some(nothing)", Show("hashMapGet", m, Value.Null));
        Assert.AreEqual("Some(nan)", Show("hashMapGet", m, double.NaN)); // NaN keys are equal
        Assert.AreEqual("None", Show("hashMapGet", m, false));
        m = Call("hashMapPut", Call("hashMapNew"), 0, "zero");
        Assert.AreEqual("Some(zero)", Show("hashMapGet", m, -0.0)); // 0 and -0 are one key
    }

    [TestMethod]
    public void InsertionOrder()
    {
        var m = Map(("a", 1), ("b", 2), ("c", 3));
        m = Call("hashMapPut", m, "a", 10); // replacing keeps the position
        Assert.AreEqual("[a, b, c]", Show("hashMapKeys", m));
        Assert.AreEqual("[10, 2, 3]", Show("hashMapValues", m));
        var removed = Call("hashMapRemove", m, "a").AsArray;
        Assert.AreEqual("Some(10)", D(removed[0]));
        m = Call("hashMapPut", removed[1], "a", 11); // re-added: moves to the end
        Assert.AreEqual("[[b, 2], [c, 3], [a, 11]]", Show("hashMapEntries", m));
    }

    [TestMethod]
    public void FromEntries()
    {
        var m = Call("hashMapFromEntries", Arr(Arr("x", 1), Arr("y", 2), Arr("x", 3)));
        Assert.AreEqual("[[x, 3], [y, 2]]", Show("hashMapEntries", m)); // later duplicates win, first position kept
        Assert.AreEqual(0.0, Call("hashMapSize", Call("hashMapFromEntries", Arr())).Num);
        FailsStdlib("HashMap.fromEntries(): expected array, got string", "hashMapFromEntries", "x");
        FailsStdlib("HashMap.fromEntries(): expected array, got number", "hashMapFromEntries", Arr(1));
        FailsType("Entry must be [key, value] array with exactly 2 elements", "hashMapFromEntries", Arr(Arr(1, 2, 3)));
        FailsType("Entry must be [key, value] array with exactly 2 elements", "hashMapFromEntries", Arr(Arr()));
        FailsWith(RuntimeErrorKind.UnhashableType, "hashMapFromEntries", Arr(Arr(Arr(), 1)));
        FailsStdlib("HashMap.fromEntries(): expected 1 argument(s), got 0", "hashMapFromEntries");
    }

    [TestMethod]
    public void UnhashableKeys()
    {
        var e = Fails("hashMapPut", Map(), Arr(1), 1);
        Assert.AreEqual(RuntimeErrorKind.UnhashableType, e.Kind);
        Assert.AreEqual("array", e.Detail);
        Assert.AreEqual("Cannot hash type array - only number, string, bool, null are hashable", e.Message);
        Assert.AreEqual("Option", Fails("hashMapGet", Map(), OptionValue.None).Detail);
        Assert.AreEqual("hashmap", Fails("hashMapHas", Map(), Map()).Detail);
        Assert.AreEqual("builtin", Fails("hashMapRemove", Map(), Builtin("len")).Detail);
        // The key is checked before the map (which, not being a map, would be returned unchanged).
        Assert.AreEqual(RuntimeErrorKind.UnhashableType, Fails("hashMapPut", 5, Arr(), 1).Kind);
    }

    [TestMethod]
    public void PutAndClearReturnNonMapsUnchanged()
    {
        Assert.AreEqual("5", Show("hashMapPut", 5, "k", "v"));
        Assert.AreEqual("[1]", Show("hashMapClear", Arr(1)));
        Assert.AreEqual("<HashMap size=0>", Show("hashMapClear", Map(("a", 1))));
    }

    [TestMethod]
    public void RemoveHasSizeIsEmpty()
    {
        var m = Map(("a", 1));
        Assert.AreEqual("[None, <HashMap size=1>]", Show("hashMapRemove", m, "zz"));
        Assert.IsTrue(Call("hashMapHas", m, "a").AsBool);
        Assert.IsFalse(Call("hashMapHas", m, "b").AsBool);
        Assert.IsFalse(Call("hashMapIsEmpty", m).AsBool);
        Assert.IsTrue(Call("hashMapIsEmpty", Map()).AsBool);
        Assert.AreEqual("[Some(1), <HashMap size=0>]", Show("hashMapRemove", m, "a"));
    }

    [TestMethod]
    [DataRow("hashMapGet", 2)]
    [DataRow("hashMapRemove", 2)]
    [DataRow("hashMapHas", 2)]
    [DataRow("hashMapSize", 1)]
    [DataRow("hashMapIsEmpty", 1)]
    [DataRow("hashMapKeys", 1)]
    [DataRow("hashMapValues", 1)]
    [DataRow("hashMapEntries", 1)]
    public void NonMapArgumentIsATypeError(string name, int arity)
    {
        object?[] args = arity == 2 ? [Set(), "k"] : [Set()];
        FailsType("Expected HashMap, got hashset", name, args);
    }

    [TestMethod]
    public void DottedArityMessages()
    {
        FailsStdlib("HashMap.new(): expected 0 argument(s), got 1", "hashMapNew", 1);
        FailsStdlib("HashMap.put(): expected 3 argument(s), got 2", "hashMapPut", Map(), 1);
        FailsStdlib("HashMap.get(): expected 2 argument(s), got 1", "hashMapGet", Map());
        FailsStdlib("HashMap.remove(): expected 2 argument(s), got 3", "hashMapRemove", Map(), 1, 2);
        FailsStdlib("HashMap.has(): expected 2 argument(s), got 0", "hashMapHas");
        FailsStdlib("HashMap.size(): expected 1 argument(s), got 0", "hashMapSize");
        FailsStdlib("HashMap.isEmpty(): expected 1 argument(s), got 2", "hashMapIsEmpty", Map(), Map());
        FailsStdlib("HashMap.clear(): expected 1 argument(s), got 0", "hashMapClear");
        FailsStdlib("HashMap.keys(): expected 1 argument(s), got 0", "hashMapKeys");
        FailsStdlib("HashMap.values(): expected 1 argument(s), got 0", "hashMapValues");
        FailsStdlib("HashMap.entries(): expected 1 argument(s), got 0", "hashMapEntries");
    }

    [TestMethod]
    public void HigherOrder()
    {
        var m = Map(("a", 1), ("b", 2), ("c", 3));
        var seen = new List<string>();
        var record = Native("record", a => { seen.Add($"{D(a[1])}={D(a[0])}"); return Value.Null; });
        Assert.AreEqual(Value.Null, Call("hashMapForEach", m, record));
        CollectionAssert.AreEqual(new[] { "a=1", "b=2", "c=3" }, seen);
        var tenfold = Native("tenfold", a => Value.Number(a[0].Num * 10));
        Assert.AreEqual("[[a, 10], [b, 20], [c, 30]]", Show("hashMapEntries", Call("hashMapMap", m, tenfold)));
        var notB = Native("notB", a => Value.Bool(a[1].AsString != "b"));
        Assert.AreEqual("[[a, 1], [c, 3]]", Show("hashMapEntries", Call("hashMapFilter", m, notB)));
        FailsType("hashMapFilter() predicate must return bool", "hashMapFilter", m, tenfold);
    }

    [TestMethod]
    [DataRow("hashMapForEach", "map, callback")]
    [DataRow("hashMapMap", "map, callback")]
    [DataRow("hashMapFilter", "map, predicate")]
    public void HigherOrderErrors(string name, string parameters)
    {
        FailsType($"{name}() expects 2 arguments ({parameters})", name, Map());
        FailsType($"{name}() first argument must be HashMap", name, Arr(), Builtin("print"));
        FailsType($"{name}() second argument must be function", name, Map(), "print");
    }

    [TestMethod]
    public void CopyOnWrite()
    {
        var shared = Map(("a", 1)).Share();
        var updated = Call("hashMapPut", shared, "b", 2);
        Assert.AreEqual(1.0, Call("hashMapSize", shared).Num);
        Assert.AreEqual(2.0, Call("hashMapSize", updated).Num);
        Call("hashMapRemove", shared, "a");
        Assert.IsTrue(Call("hashMapHas", shared, "a").AsBool);

        var unshared = Map(("a", 1));
        Assert.AreSame(unshared.AsMap, Call("hashMapPut", unshared, "b", 2).AsMap);

        var inner = Arr(1);
        var holder = Map(("k", inner));
        Call("hashMapGet", holder, "k");
        Assert.IsTrue(inner.AsArray.Shared, "a value handed out of a map must be shared");
    }
}
