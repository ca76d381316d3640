using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class HashSetBuiltinsTests
{
    [TestMethod]
    public void AddRemoveHas()
    {
        var s = Call("hashSetNew");
        s = Call("hashSetAdd", s, "a");
        s = Call("hashSetAdd", s, 1);
        s = Call("hashSetAdd", s, "a");
        s = Call("hashSetAdd", s, 1.0).Share(); // as if read from a variable, so the removals below leave it intact
        Assert.AreEqual(2.0, Call("hashSetSize", s).Num);
        Assert.IsTrue(Call("hashSetHas", s, "a").AsBool);
        Assert.IsFalse(Call("hashSetHas", s, "1").AsBool);
        Assert.AreEqual("[true, <HashSet size=1>]", Show("hashSetRemove", s, "a"));
        Assert.AreEqual("[false, <HashSet size=2>]", Show("hashSetRemove", s, "zz"));
        Assert.IsFalse(Call("hashSetIsEmpty", s).AsBool);
        Assert.IsTrue(Call("hashSetIsEmpty", Call("hashSetClear", s)).AsBool);
    }

    [TestMethod]
    public void FromArrayKeepsFirstOccurrenceOrder()
    {
        Assert.AreEqual("[3, 1, 2]", Show("hashSetToArray", Call("hashSetFromArray", Arr(3, 1, 3, 2, 1))));
        FailsStdlib("HashSet.fromArray(): expected array, got string", "hashSetFromArray", "abc");
        Assert.AreEqual("Result", Fails("hashSetFromArray", Arr(1, ResultValue.Ok(Value.Null))).Detail);
    }

    [TestMethod]
    public void SetAlgebraOrder()
    {
        var a = Set(1, 2, 3, 4);
        var b = Set(5, 3, 1, 6);
        Assert.AreEqual("[1, 2, 3, 4, 5, 6]", Show("hashSetToArray", Call("hashSetUnion", a, b)));
        Assert.AreEqual("[1, 3]", Show("hashSetToArray", Call("hashSetIntersection", a, b)));
        Assert.AreEqual("[2, 4]", Show("hashSetToArray", Call("hashSetDifference", a, b)));
        Assert.AreEqual("[2, 4, 5, 6]", Show("hashSetToArray", Call("hashSetSymmetricDifference", a, b)));
        Assert.IsTrue(Call("hashSetIsSubset", Set(1, 3), a).AsBool);
        Assert.IsFalse(Call("hashSetIsSubset", b, a).AsBool);
        Assert.IsTrue(Call("hashSetIsSuperset", a, Set(4)).AsBool);
        Assert.IsFalse(Call("hashSetIsSuperset", Set(4), a).AsBool);
        Assert.IsTrue(Call("hashSetIsSubset", Set(), Set()).AsBool);
    }

    [TestMethod]
    public void AddAndClearReturnNonSetsUnchanged()
    {
        Assert.AreEqual("x", Show("hashSetAdd", "x", 1));
        Assert.AreEqual("7", Show("hashSetClear", 7));
        Assert.AreEqual(RuntimeErrorKind.UnhashableType, Fails("hashSetAdd", Set(), Arr()).Kind);
        Assert.AreEqual(RuntimeErrorKind.UnhashableType, Fails("hashSetAdd", "x", Set()).Kind); // element checked first
    }

    [TestMethod]
    public void NonSetArgumentsAreClassAWithDottedNames()
    {
        FailsStdlib("HashSet.remove(): expected HashSet, got array", "hashSetRemove", Arr(), 1);
        FailsStdlib("HashSet.has(): expected HashSet, got hashmap", "hashSetHas", Map(), 1);
        FailsStdlib("HashSet.size(): expected HashSet, got null", "hashSetSize", Value.Null);
        FailsStdlib("HashSet.isEmpty(): expected HashSet, got number", "hashSetIsEmpty", 1);
        FailsStdlib("HashSet.toArray(): expected HashSet, got string", "hashSetToArray", "s");
        FailsStdlib("HashSet.union(): expected HashSet, got number", "hashSetUnion", Set(), 1);
        FailsStdlib("HashSet.intersection(): expected HashSet, got number", "hashSetIntersection", 1, Set());
        FailsStdlib("HashSet.difference(): expected HashSet, got bool", "hashSetDifference", Set(), true);
        FailsStdlib("HashSet.symmetricDifference(): expected HashSet, got array", "hashSetSymmetricDifference", Arr(), Set());
        FailsStdlib("HashSet.isSubset(): expected HashSet, got queue", "hashSetIsSubset", Value.Queue(new AtlasQueue()), Set());
        FailsStdlib("HashSet.isSuperset(): expected HashSet, got stack", "hashSetIsSuperset", Set(), Value.Stack(new AtlasStack()));
        FailsStdlib("HashSet.new(): expected 0 argument(s), got 1", "hashSetNew", 1);
        FailsStdlib("HashSet.add(): expected 2 argument(s), got 1", "hashSetAdd", Set());
        FailsStdlib("HashSet.union(): expected 2 argument(s), got 1", "hashSetUnion", Set());
        FailsStdlib("HashSet.clear(): expected 1 argument(s), got 0", "hashSetClear");
    }

    [TestMethod]
    public void HigherOrder()
    {
        var s = Set(1, 2, 3);
        var seen = new List<double>();
        Assert.AreEqual(Value.Null, Call("hashSetForEach", s, Native("r", a => { seen.Add(a[0].Num); return Value.Null; })));
        CollectionAssert.AreEqual(new[] { 1.0, 2.0, 3.0 }, seen);
        Assert.AreEqual("[1, 1, 1]", Show("hashSetMap", s, Native("one", _ => Value.Number(1)))); // an array, duplicates kept
        Assert.AreEqual("[1, 3]", Show("hashSetToArray", Call("hashSetFilter", s, Native("odd", a => Value.Bool(a[0].Num % 2 == 1)))));
        FailsType("hashSetFilter() predicate must return bool", "hashSetFilter", s, Native("n", _ => Value.Number(1)));
    }

    [TestMethod]
    [DataRow("hashSetForEach", "set, callback")]
    [DataRow("hashSetMap", "set, callback")]
    [DataRow("hashSetFilter", "set, predicate")]
    public void HigherOrderErrors(string name, string parameters)
    {
        FailsType($"{name}() expects 2 arguments ({parameters})", name, Set(), Builtin("print"), 1);
        FailsType($"{name}() first argument must be HashSet", name, Map(), Builtin("print"));
        FailsType($"{name}() second argument must be function", name, Set(), Value.Null);
    }

    [TestMethod]
    public void CopyOnWrite()
    {
        var shared = Set(1).Share();
        Call("hashSetAdd", shared, 2);
        Call("hashSetRemove", shared, 1);
        Assert.AreEqual("[1]", Show("hashSetToArray", shared));
        var unshared = Set(1);
        Assert.AreSame(unshared.AsSet, Call("hashSetAdd", unshared, 2).AsSet);
        Assert.AreEqual(2.0, Call("hashSetSize", unshared).Num);
    }
}
