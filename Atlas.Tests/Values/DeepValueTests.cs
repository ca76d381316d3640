using Atlas.Tests.Support;

namespace Atlas.Tests.Values;

/// <summary>
/// Values nested a million levels deep (built by a loop) are displayed and compared without recursion: on a host's
/// 1 MB stack `print`, `str` and `==` used to overflow the .NET stack at a few thousand levels.
/// </summary>
[TestClass]
public sealed class DeepValueTests
{
    private const string Build = "var a = [];\nvar b = [];\nvar i = 0;\nwhile (i < 1000000) { a = [a]; b = [b]; i = i + 1; }\n";

    [TestMethod]
    public void DisplayOfDeepArrays() =>
        Assert.AreEqual("2000002\n[[[]]]\n", SmallStack.Execute(Build + "print(len(str(a)));\nprint([[[]]]);"));

    [TestMethod]
    public void EqualityOfDeepArrays() =>
        Assert.AreEqual("true\nfalse\ntrue\n", SmallStack.Execute(Build + "print(a == b);\nb = [b];\nprint(a == b);\nprint(a == a);"));

    [TestMethod]
    public void DeepOptionsAndResults() =>
        Assert.AreEqual("1000000\nSome(Ok(Err(None)))\ntrue\n", SmallStack.Execute(
            "var o = None;\nvar i = 0;\nwhile (i < 1000000) { o = Some(o); i = i + 1; }\nprint((len(str(o)) - 4) / 6);\n"
            + "print(Some(Ok(Err(None))));\nprint(o == o);"));

    [TestMethod]
    public void DeepValuesInRuntimeErrorMessages() =>
        Assert.AreEqual("AT0001", SmallStack.Execute("var r = Ok(1);\nvar i = 0;\nwhile (i < 300000) { r = Err(r); i = i + 1; }\nprint(unwrap(r));"));
}
