using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class AssertBuiltinsTests
{
    [TestMethod]
    public void AssertAndAssertFalse()
    {
        Assert.AreEqual(Value.Null, Call("assert", true, "ok"));
        Assert.AreEqual(Value.Null, Call("assertFalse", false, "ok"));
        FailsType("Assertion failed: x must be positive", "assert", false, "x must be positive");
        FailsType("Assertion failed (expected false): flag", "assertFalse", true, "flag");
        FailsType("expected bool, got number", "assert", 1, "m");
        FailsType("expected string, got null", "assert", true, Value.Null);
        FailsType("expected bool, got string", "assertFalse", "false", "m");
        FailsType("assert expects 2 arguments, got 1", "assert", true);
        FailsType("assertFalse expects 2 arguments, got 0", "assertFalse");
    }

    [TestMethod]
    public void AssertEqualUsesDeepEquality()
    {
        Assert.AreEqual(Value.Null, Call("assertEqual", Arr(1, Arr("a")), Arr(1, Arr("a"))));
        Assert.AreEqual(Value.Null, Call("assertEqual", OptionValue.Some(Arr(1)), OptionValue.Some(Arr(1))));
        Assert.AreEqual(Value.Null, Call("assertEqual", 0, -0.0));
        FailsType("Assertion failed: values not equal\n  Actual:   [1, 2]\n  Expected: [1, 3]", "assertEqual", Arr(1, 2), Arr(1, 3));
        FailsType("Assertion failed: values not equal\n  Actual:   1\n  Expected: 1", "assertEqual", 1, "1");
        // Maps are never deep-equal, not even identical ones.
        var m = Map(("a", 1));
        FailsType("Assertion failed: values not equal\n  Actual:   <HashMap size=1>\n  Expected: <HashMap size=1>", "assertEqual", m, m);
        FailsType("Assertion failed: values not equal\n  Actual:   NaN\n  Expected: NaN", "assertEqual", double.NaN, double.NaN);
        FailsType("assertEqual expects 2 arguments, got 3", "assertEqual", 1, 1, 1);
    }

    [TestMethod]
    public void AssertNotEqual()
    {
        Assert.AreEqual(Value.Null, Call("assertNotEqual", 1, 2));
        Assert.AreEqual(Value.Null, Call("assertNotEqual", Set(), Set()));
        FailsType("Assertion failed: values are equal (expected them to differ)\n  Value: Ok(x)", "assertNotEqual",
            ResultValue.Ok(Value.String("x")), ResultValue.Ok(Value.String("x")));
        FailsType("assertNotEqual expects 2 arguments, got 1", "assertNotEqual", 1);
    }

    [TestMethod]
    public void ResultAssertions()
    {
        Assert.AreEqual(5.0, Call("assertOk", ResultValue.Ok(Value.Number(5))).Num);
        Assert.AreEqual("e", Show("assertErr", ResultValue.Err(Value.String("e"))));
        FailsType("assertOk: expected Ok, got Err(file missing)", "assertOk", ResultValue.Err(Value.String("file missing")));
        FailsType("assertErr: expected Err, got Ok([1])", "assertErr", ResultValue.Ok(Arr(1)));
        FailsType("expected Result, got Option", "assertOk", OptionValue.None);
        FailsType("expected Result, got number", "assertErr", 1);
        FailsType("assertOk expects 1 argument, got 0", "assertOk");
        FailsType("assertErr expects 1 argument, got 2", "assertErr", 1, 2);
    }

    [TestMethod]
    public void OptionAssertions()
    {
        Assert.AreEqual(5.0, Call("assertSome", OptionValue.Some(Value.Number(5))).Num);
        Assert.AreEqual(Value.Null, Call("assertNone", OptionValue.None));
        FailsType("assertSome: expected Some, got None", "assertSome", OptionValue.None);
        FailsType("assertNone: expected None, got Some(Some(1))", "assertNone", OptionValue.Some(OptionValue.Some(Value.Number(1))));
        FailsType("expected Option, got Result", "assertSome", ResultValue.Ok(Value.Null));
        FailsType("expected Option, got null", "assertNone", Value.Null);
        FailsType("assertSome expects 1 argument, got 0", "assertSome");
    }

    [TestMethod]
    public void ArrayAssertions()
    {
        Assert.AreEqual(Value.Null, Call("assertContains", Arr(1, Arr(2)), Arr(2)));
        FailsType("assertContains: array does not contain [3]", "assertContains", Arr(1, Arr(2)), Arr(3));
        FailsType("assertContains: array does not contain <HashSet size=0>", "assertContains", Arr(Set()), Set());
        FailsType("expected array, got string", "assertContains", "abc", "a");
        Assert.AreEqual(Value.Null, Call("assertEmpty", Arr()));
        FailsType("assertEmpty: expected empty array, got length 2", "assertEmpty", Arr(1, 2));
        FailsType("expected array, got hashmap", "assertEmpty", Map());
        Assert.AreEqual(Value.Null, Call("assertLength", Arr(1, 2), 2));
        FailsType("assertLength: expected length 3, got 2", "assertLength", Arr(1, 2), 3);
        FailsType("assertLength: expected a non-negative integer length, got -1", "assertLength", Arr(), -1);
        FailsType("assertLength: expected a non-negative integer length, got 1.5", "assertLength", Arr(), 1.5);
        FailsType("expected number, got string", "assertLength", Arr(), "2");
        FailsType("expected array, got null", "assertLength", Value.Null, 0);
        FailsType("assertContains expects 2 arguments, got 1", "assertContains", Arr());
        FailsType("assertEmpty expects 1 argument, got 2", "assertEmpty", Arr(), Arr());
        FailsType("assertLength expects 2 arguments, got 1", "assertLength", Arr());
    }
}
