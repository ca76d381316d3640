using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

/// <summary>Value semantics (language.md §9.2): builtins never change a shared argument and may reuse an unshared one.</summary>
[TestClass]
public sealed class ArrayCopyOnWriteTests
{
    private static string D(Value v) => ValueFormatter.Display(v);

    private static Value SharedArr(params object?[] items) => Arr(items).Share();

    [TestMethod]
    [DataRow("arrayPush", "[1, 2, 3, 9]")]
    [DataRow("arrayUnshift", "[9, 1, 2, 3]")]
    [DataRow("unshift", "[9, 1, 2, 3]")]
    public void AddingToASharedArrayLeavesItUnchanged(string builtin, string expected)
    {
        var a = SharedArr(1, 2, 3);
        var result = Call(builtin, a, 9);
        Assert.AreEqual(expected, D(result));
        Assert.AreEqual("[1, 2, 3]", D(a));
        Assert.AreNotSame(a.AsArray, result.AsArray);
    }

    [TestMethod]
    [DataRow("pop", "[3, [1, 2]]")]
    [DataRow("arrayPop", "[3, [1, 2]]")]
    [DataRow("shift", "[1, [2, 3]]")]
    [DataRow("arrayShift", "[1, [2, 3]]")]
    [DataRow("reverse", "[3, 2, 1]")]
    [DataRow("arrayReverse", "[3, 2, 1]")]
    [DataRow("flatten", "[1, 2, 3]")]
    [DataRow("arraySort", "[1, 2, 3]")]
    public void RemovingFromOrReorderingASharedArrayLeavesItUnchanged(string builtin, string expected)
    {
        var a = builtin switch
        {
            "arraySort" => SharedArr(2, 1, 3),
            "flatten" => SharedArr(Arr(1, 2), 3),
            _ => SharedArr(1, 2, 3),
        };
        var before = D(a);
        Assert.AreEqual(expected, D(Call(builtin, a)));
        Assert.AreEqual(before, D(a));
    }

    [TestMethod]
    public void SortWithComparatorLeavesASharedArrayUnchanged()
    {
        var a = SharedArr(3, 1, 2);
        var byValue = Native("cmp", args => Value.Number(args[0].Num - args[1].Num));
        Assert.AreEqual("[1, 2, 3]", D(Call("sort", a, byValue)));
        Assert.AreEqual("[3, 1, 2]", D(a));
    }

    [TestMethod]
    public void ConcatLeavesASharedFirstArrayUnchanged()
    {
        var a = SharedArr(1);
        Assert.AreEqual("[1, 2]", D(Call("concat", a, Arr(2))));
        Assert.AreEqual("[1]", D(a));
    }

    [TestMethod]
    [DataRow("arrayPush")]
    [DataRow("arrayUnshift")]
    [DataRow("concat")]
    public void AnUnsharedArrayIsReused(string builtin)
    {
        var a = Arr(1, 2);
        var result = Call(builtin, a, builtin == "concat" ? Arr(3) : Value.Number(3));
        Assert.AreSame(a.AsArray, result.AsArray);
    }

    [TestMethod]
    public void PopOfAnUnsharedArrayReusesItAsTheRest()
    {
        var a = Arr(1, 2);
        var pair = Call("pop", a).AsArray;
        Assert.AreSame(a.AsArray, pair[1].AsArray);
    }

    [TestMethod]
    public void ElementsCopiedOutOfAnArrayBecomeShared()
    {
        var inner = Arr(1, 2);
        var outer = Arr(inner, Arr(3));
        var sliced = Call("slice", outer, 0, 1).AsArray;
        Assert.AreSame(inner.AsArray, sliced[0].AsArray);
        Assert.IsTrue(inner.AsArray.Shared, "slice must share elements the source array still holds");

        var found = Call("find", Arr(Arr(7)), Builtin("isArray"));
        Assert.IsTrue(found.AsArray.Shared);
    }

    [TestMethod]
    public void MutatingACopiedOutElementDoesNotAffectTheSource()
    {
        var outer = Arr(Arr(1, 2));
        var copy = Call("concat", Arr(), outer).AsArray[0]; // the same inner array, now shared
        var pushed = Call("arrayPush", copy, 3);
        Assert.AreEqual("[1, 2, 3]", D(pushed));
        Assert.AreEqual("[[1, 2]]", D(outer));
    }
}
