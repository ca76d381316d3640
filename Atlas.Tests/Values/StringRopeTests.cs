using Atlas.Stdlib;
using Atlas.Vm;

namespace Atlas.Tests.Values;

/// <summary>
/// Strings built by <c>+</c> (<see cref="StringRope"/>) behave exactly like plain strings: text, <c>len</c>, equality,
/// hashing, and independence of two strings extended from the same one.
/// </summary>
[TestClass]
public sealed class StringRopeTests
{
    private static readonly string Long = new('a', StringRope.MinLength + 10);

    private static Value Add(Value a, string b) => ValueOps.Add(a, Value.String(b));

    [TestMethod]
    public void LongConcatenationsBuildRopesWithTheSameText()
    {
        var s = Add(Value.String(Long), "b");
        Assert.IsInstanceOfType<StringRope>(s.Obj);
        s = Add(s, "cd");
        Assert.AreEqual(Long + "bcd", s.AsString);
        Assert.AreEqual(Long.Length + 3, StringRope.ScalarCount(s));
        Assert.IsTrue(ValueEquality.AreEqual(s, Value.String(Long + "bcd")));
        Assert.AreEqual(ValueEquality.Hash(Value.String(Long + "bcd")), ValueEquality.Hash(s));
    }

    [TestMethod]
    public void TwoExtensionsOfOneStringStayIndependent()
    {
        var s = Add(Value.String(Long), "-");
        var x = Add(s, "x");
        var y = Add(s, "y");
        var xx = Add(x, "x");
        Assert.AreEqual(Long + "-", s.AsString);
        Assert.AreEqual(Long + "-x", x.AsString);
        Assert.AreEqual(Long + "-y", y.AsString);
        Assert.AreEqual(Long + "-xx", xx.AsString);
        Assert.AreEqual(Long + "-yz", Add(y, "z").AsString);
    }

    [TestMethod]
    public void ScalarCountJoinsASurrogatePairSplitAcrossAppends()
    {
        var s = Add(Add(Value.String(Long), "\uD83D"), "\uDE00");
        Assert.AreEqual(ScalarText.Count(s.AsString), StringRope.ScalarCount(s));
        Assert.AreEqual(Long.Length + 1, StringRope.ScalarCount(s));
        var lone = Add(Add(Value.String(Long), "\uDE00"), "\uD83D");
        Assert.AreEqual(Long.Length + 2, StringRope.ScalarCount(lone));
        var first = Add(Value.String("\uD83D"), Long.Substring(1) + "\uDE00");
        Assert.AreEqual(ScalarText.Count(first.AsString), StringRope.ScalarCount(first));
    }

    [TestMethod]
    public void ShortConcatenationsStayPlainStrings()
    {
        var s = Add(Value.String("ab"), "c");
        Assert.IsInstanceOfType<string>(s.Obj);
        Assert.AreEqual("abc", s.AsString);
    }
}
