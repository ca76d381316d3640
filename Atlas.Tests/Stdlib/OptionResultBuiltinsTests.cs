using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class OptionResultBuiltinsTests
{
    private static readonly Value Some1 = OptionValue.Some(Value.Number(1));
    private static readonly Value None = OptionValue.None;
    private static readonly Value Ok1 = ResultValue.Ok(Value.Number(1));
    private static readonly Value ErrBoom = ResultValue.Err(Value.String("boom"));
    private static readonly Value Double = Native("double", a => Value.Number(a[0].Num * 2));
    private static readonly Value Describe = Native("describe", a => Value.String("bad: " + a[0].AsString));

    [TestMethod]
    public void Constructors()
    {
        Assert.AreEqual("Some([1, 2])", Show("Some", Arr(1, 2)));
        Assert.AreEqual("Ok(x)", Show("Ok", "x"));
        Assert.AreEqual("Err(null)", Show("Err", Value.Null));
        Assert.AreEqual("None", Show("None"));
        FailsStdlib("Some(): expected 1 argument(s), got 0", "Some");
        FailsStdlib("Ok(): expected 1 argument(s), got 2", "Ok", 1, 2);
        FailsStdlib("Err(): expected 1 argument(s), got 0", "Err");
        FailsType("Cannot call non-function type Option", "None", 1);
    }

    [TestMethod]
    public void VariantTests()
    {
        Assert.IsTrue(Call("is_some", Some1).AsBool);
        Assert.IsFalse(Call("is_some", None).AsBool);
        Assert.IsTrue(Call("is_none", None).AsBool);
        Assert.IsTrue(Call("is_ok", Ok1).AsBool);
        Assert.IsFalse(Call("is_ok", ErrBoom).AsBool);
        Assert.IsTrue(Call("is_err", ErrBoom).AsBool);
        FailsType("is_some() requires Option value", "is_some", Ok1);
        FailsType("is_none() requires Option value", "is_none", Value.Null);
        FailsType("is_ok() requires Result value", "is_ok", Some1);
        FailsType("is_err() requires Result value", "is_err", 1);
        FailsStdlib("is_some(): expected 1 argument(s), got 0", "is_some");
        FailsStdlib("is_err(): expected 1 argument(s), got 2", "is_err", ErrBoom, 1);
    }

    [TestMethod]
    public void Unwrap()
    {
        Assert.AreEqual(1.0, Call("unwrap", Some1).Num);
        Assert.AreEqual(1.0, Call("unwrap", Ok1).Num);
        FailsType("unwrap() called on None", "unwrap", None);
        FailsType("unwrap() called on Err(boom)", "unwrap", ErrBoom);
        FailsType("unwrap() called on Err([1, x])", "unwrap", ResultValue.Err(Arr(1, "x")));
        FailsType("unwrap() requires Option or Result value", "unwrap", 1);
        FailsStdlib("unwrap(): expected 1 argument(s), got 0", "unwrap");
    }

    [TestMethod]
    public void UnwrapOr()
    {
        Assert.AreEqual(1.0, Call("unwrap_or", Some1, 0).Num);
        Assert.AreEqual(0.0, Call("unwrap_or", None, 0).Num);
        Assert.AreEqual(1.0, Call("unwrap_or", Ok1, 0).Num);
        Assert.AreEqual("d", Show("unwrap_or", ErrBoom, "d"));
        FailsType("unwrap_or() requires Option or Result value", "unwrap_or", "x", 0);
        FailsStdlib("unwrap_or(): expected 2 argument(s), got 1", "unwrap_or", None);
    }

    [TestMethod]
    public void Expect()
    {
        Assert.AreEqual(1.0, Call("expect", Some1, "msg").Num);
        Assert.AreEqual(1.0, Call("expect", Ok1, "msg").Num);
        FailsType("no value", "expect", None, "no value");
        FailsType("loading failed: boom", "expect", ErrBoom, "loading failed");
        FailsType("expect() requires Option or Result value", "expect", 1, "msg");
        FailsStdlib("expect(): expected string, got number", "expect", None, 1); // the message is checked first
        FailsStdlib("expect(): expected 2 argument(s), got 1", "expect", Some1);
    }

    [TestMethod]
    public void ResultToOption()
    {
        Assert.AreEqual("Some(1)", Show("result_ok", Ok1));
        Assert.AreEqual("None", Show("result_ok", ErrBoom));
        Assert.AreEqual("Some(boom)", Show("result_err", ErrBoom));
        Assert.AreEqual("None", Show("result_err", Ok1));
        FailsType("ok() requires Result value", "result_ok", Some1);
        FailsType("err() requires Result value", "result_err", 1);
        FailsStdlib("result_ok(): expected 1 argument(s), got 0", "result_ok");
        FailsStdlib("result_err(): expected 1 argument(s), got 2", "result_err", Ok1, Ok1);
    }

    [TestMethod]
    public void Transformations()
    {
        Assert.AreEqual("Ok(2)", Show("result_map", Ok1, Double));
        Assert.AreEqual("Err(boom)", Show("result_map", ErrBoom, Double));
        Assert.AreEqual("Err(bad: boom)", Show("result_map_err", ErrBoom, Describe));
        Assert.AreEqual("Ok(1)", Show("result_map_err", Ok1, Describe));
        var half = Native("half", a => a[0].Num % 2 == 0 ? ResultValue.Ok(Value.Number(a[0].Num / 2)) : ResultValue.Err(Value.String("odd")));
        Assert.AreEqual("Err(odd)", Show("result_and_then", Ok1, half));
        Assert.AreEqual("Ok(1)", Show("result_and_then", ResultValue.Ok(Value.Number(2)), half));
        Assert.AreEqual("Err(boom)", Show("result_and_then", ErrBoom, half));
        var recover = Native("recover", _ => ResultValue.Ok(Value.Number(0)));
        Assert.AreEqual("Ok(0)", Show("result_or_else", ErrBoom, recover));
        Assert.AreEqual("Ok(1)", Show("result_or_else", Ok1, recover));
        // and_then / or_else return the callback's value as it is.
        Assert.AreEqual("7", Show("result_and_then", Ok1, Native("seven", _ => Value.Number(7))));
    }

    [TestMethod]
    [DataRow("result_map", "transform_fn")]
    [DataRow("result_map_err", "transform_fn")]
    [DataRow("result_and_then", "next_fn")]
    [DataRow("result_or_else", "recovery_fn")]
    public void TransformationErrors(string name, string fn)
    {
        FailsType($"{name}() expects 2 arguments (result, {fn})", name, Ok1);
        FailsType($"{name}() first argument must be Result", name, Some1, Double);
        FailsType($"{name}() second argument must be function", name, Ok1, 1);
        FailsType($"{name}() second argument must be function", name, ErrBoom, "f"); // checked even when unused
    }

    [TestMethod]
    public void PayloadsTakenOutAreShared()
    {
        var inner = Arr(1);
        var unwrapped = Call("unwrap", OptionValue.Some(inner));
        Assert.IsTrue(unwrapped.AsArray.Shared);
    }
}
