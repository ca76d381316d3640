using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class ArrayBuiltinsTests
{
    private static string D(Value v) => ValueFormatter.Display(v);

    [TestMethod]
    public void PopAndShiftReturnItemAndRest()
    {
        Assert.AreEqual("[3, [1, 2]]", Show("pop", Arr(1, 2, 3)));
        Assert.AreEqual("[1, [2, 3]]", Show("shift", Arr(1, 2, 3)));
        Assert.AreEqual("[[x], []]", Show("arrayPop", Arr(Arr("x"))));
        Assert.AreEqual("[a, []]", Show("arrayShift", Arr("a")));
    }

    [TestMethod]
    public void PopAndShiftErrors()
    {
        FailsType("Cannot pop from empty array", "pop", Arr());
        FailsType("Cannot shift from empty array", "shift", Arr());
        FailsType("Cannot pop from empty array", "arrayPop", Arr());
        FailsType("Cannot shift from empty array", "arrayShift", Arr());
        FailsStdlib("pop(): expected array, got string", "pop", "abc");
        FailsStdlib("shift(): expected array, got null", "shift", Value.Null);
        FailsStdlib("arrayPop(): expected 1 argument(s), got 2", "arrayPop", Arr(1), 1);
        FailsStdlib("arrayShift(): expected array, got number", "arrayShift", 1);
    }

    [TestMethod]
    public void AddingAndReversing()
    {
        Assert.AreEqual("[0, 1, 2]", Show("unshift", Arr(1, 2), 0));
        Assert.AreEqual("[0, 1, 2]", Show("arrayUnshift", Arr(1, 2), 0));
        Assert.AreEqual("[1, 2, [3]]", Show("arrayPush", Arr(1, 2), Arr(3)));
        Assert.AreEqual("[x]", Show("arrayPush", Arr(), "x"));
        Assert.AreEqual("[3, 2, 1]", Show("reverse", Arr(1, 2, 3)));
        Assert.AreEqual("[]", Show("arrayReverse", Arr()));
        FailsStdlib("unshift(): expected array, got string", "unshift", "a", 1);
        FailsStdlib("arrayPush(): expected 2 argument(s), got 1", "arrayPush", Arr());
        FailsStdlib("arrayUnshift(): expected array, got bool", "arrayUnshift", true, 1);
        FailsStdlib("reverse(): expected array, got Option", "reverse", OptionValue.None);
        FailsStdlib("arrayReverse(): expected 1 argument(s), got 0", "arrayReverse");
    }

    [TestMethod]
    public void FlattenOneLevel()
    {
        Assert.AreEqual("[1, 2, 3, [4], x]", Show("flatten", Arr(Arr(1, 2), 3, Arr(Arr(4)), "x")));
        Assert.AreEqual(0.0, Call("len", Call("flatten", Arr(Arr(), Arr()))).Num);
        FailsStdlib("flatten(): expected array, got number", "flatten", 1);
    }

    [TestMethod]
    public void Concat()
    {
        Assert.AreEqual("[1, 2, 3]", Show("concat", Arr(1), Arr(2, 3)));
        Assert.AreEqual("[]", Show("concat", Arr(), Arr()));
        FailsStdlib("concat(): expected array, got number", "concat", 1, Arr());
        FailsStdlib("concat(): expected array, got string", "concat", Arr(), "b");
        FailsStdlib("concat(): expected 2 argument(s), got 1", "concat", Arr());
    }

    [TestMethod]
    public void ConcatOfAnArrayWithItself()
    {
        var a = Arr(1, 2);
        Assert.AreEqual("[1, 2, 1, 2]", D(Call("concat", a, a)));
    }

    [TestMethod]
    public void Slice()
    {
        var a = Arr(0, 1, 2, 3, 4);
        Assert.AreEqual("[1, 2]", Show("slice", a, 1, 3));
        Assert.AreEqual("[3, 4]", Show("slice", a, 3, 99));
        Assert.AreEqual("[0, 1]", Show("slice", a, -2, 2));
        Assert.AreEqual("[1, 2]", Show("slice", a, 1.9, 3.7)); // truncated toward zero
        Assert.AreEqual("[]", Show("slice", a, 2, 2));
        Assert.AreEqual("[0, 1, 2, 3, 4]", Show("slice", a, double.NegativeInfinity, double.PositiveInfinity));
        FailsType("Invalid slice range: start 3 > end 1", "slice", a, 3, 1);
        FailsType("Invalid slice range: start 5 > end 0", "slice", a, 10, -10);
        FailsStdlib("slice(): expected number, got string", "slice", a, "1", 2);
        FailsStdlib("slice(): expected array, got string", "slice", "abc", 1, 2);
        FailsStdlib("slice(): expected 3 argument(s), got 2", "slice", a, 1);
    }

    [TestMethod]
    public void SearchingUsesAtlasEquality()
    {
        var a = Arr(1, "1", Arr(2, 3), 1, double.NaN, -0.0);
        Assert.AreEqual(0.0, Call("arrayIndexOf", a, 1).Num);
        Assert.AreEqual(3.0, Call("arrayLastIndexOf", a, 1).Num);
        Assert.AreEqual(1.0, Call("arrayIndexOf", a, "1").Num);
        Assert.AreEqual(2.0, Call("arrayIndexOf", a, Arr(2, 3)).Num); // deep equality
        Assert.AreEqual(-1.0, Call("arrayIndexOf", a, double.NaN).Num); // NaN != NaN
        Assert.AreEqual(5.0, Call("arrayIndexOf", a, 0).Num); // 0 == -0
        Assert.AreEqual(-1.0, Call("arrayLastIndexOf", a, true).Num);
        Assert.IsTrue(Call("arrayIncludes", a, Arr(2, 3)).AsBool);
        Assert.IsFalse(Call("arrayIncludes", a, Arr(3, 2)).AsBool);
        FailsStdlib("arrayIndexOf(): expected array, got string", "arrayIndexOf", "abc", "a");
        FailsStdlib("arrayLastIndexOf(): expected 2 argument(s), got 1", "arrayLastIndexOf", a);
        FailsStdlib("arrayIncludes(): expected array, got null", "arrayIncludes", Value.Null, 1);
    }

    [TestMethod]
    public void ArraySortNaturalOrderAndStability()
    {
        Assert.AreEqual("[-3, -0, 1, 2.5, 10]", Show("arraySort", Arr(10, 2.5, -3, 1, -0.0)));
        Assert.AreEqual("[B, a, b, ä]", Show("arraySort", Arr("b", "ä", "a", "B")));
        // Code-point order: U+FF5E (a BMP char above the surrogates) sorts before U+1F30D, unlike UTF-16 ordinal order.
        Assert.AreEqual("[～, 🌍]", Show("arraySort", Arr("🌍", "～")));
        // Equal numbers (0 and -0) keep their input order.
        Assert.AreEqual("[0, -0, 0]", Show("arraySort", Arr(0, -0.0, 0)));
        FailsStdlib("arraySort(): expected array, got string", "arraySort", "cba");
    }

    [TestMethod]
    public void ArraySortWithMixedKindsDoesNotFail() =>
        Assert.AreEqual(5.0, Call("len", Call("arraySort", Arr("b", 2, true, double.NaN, "a"))).Num);
}
