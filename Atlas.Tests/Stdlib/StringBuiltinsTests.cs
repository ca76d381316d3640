using Atlas.Vm;
using static Atlas.Tests.Stdlib.StdlibTestSupport;

namespace Atlas.Tests.Stdlib;

[TestClass]
public sealed class StringBuiltinsTests
{
    [TestMethod]
    public void Split()
    {
        Assert.AreEqual("[a, , b]", Show("split", "a,,b", ","));
        Assert.AreEqual("[]", Show("split", "", ",")); // one empty piece, displayed raw
        Assert.AreEqual(1.0, Call("len", Call("split", "", ",")).Num);
        Assert.AreEqual("[a, b, c]", Show("split", "a--b--c", "--"));
        Assert.AreEqual("[, a, ]", Show("split", ",a,", ","));
        Assert.AreEqual("[h, é, 🌍]", Show("split", "hé🌍", ""));
        Assert.AreEqual(0.0, Call("len", Call("split", "", "")).Num);
        Assert.AreEqual("[aaa]", Show("split", "aaa", "b"));
    }

    [TestMethod]
    public void StringArgumentErrorsAreClassA()
    {
        FailsStdlib("split(): expected string, got number", "split", 1, ",");
        FailsStdlib("split(): expected string, got null", "split", "a", Value.Null);
        FailsStdlib("split(): expected 2 argument(s), got 1", "split", "a");
        FailsStdlib("trim(): expected string, got array", "trim", Arr());
        FailsStdlib("toUpperCase(): expected 1 argument(s), got 0", "toUpperCase");
        FailsStdlib("includes(): expected string, got bool", "includes", "a", true);
        FailsStdlib("substring(): expected number, got string", "substring", "abc", "0", 1);
        FailsStdlib("charAt(): expected number, got null", "charAt", "abc", Value.Null);
        FailsStdlib("padEnd(): expected string, got number", "padEnd", "a", 3, 0);
        FailsStdlib("replace(): expected 3 argument(s), got 2", "replace", "a", "b");
    }

    [TestMethod]
    public void Join()
    {
        Assert.AreEqual("a+b+c", Show("join", Arr("a", "b", "c"), "+"));
        Assert.AreEqual("", Show("join", Arr(), ","));
        Assert.AreEqual("solo", Show("join", Arr("solo"), ", "));
        FailsStdlib("join(): expected array, got string", "join", "abc", ",");
        FailsStdlib("join(): expected string, got number", "join", Arr("a"), 1);
        FailsType("join() requires array of strings", "join", Arr("a", 1), ",");
        FailsStdlib("join(): expected 2 argument(s), got 1", "join", Arr());
    }

    [TestMethod]
    public void TrimRemovesUnicodeWhiteSpace()
    {
        Assert.AreEqual("a b", Show("trim", " \t\n a b \r\u00A0\u2003\u3000"));
        Assert.AreEqual("x  ", Show("trimStart", "\u2028 x  "));
        Assert.AreEqual("  x", Show("trimEnd", "  x\u0085\u205F"));
        Assert.AreEqual("\u200Bx", Show("trim", "\u200Bx")); // zero-width space is not White_Space
    }

    [TestMethod]
    public void IndexOfCountsScalars()
    {
        Assert.AreEqual(2.0, Call("indexOf", "hello", "l").Num);
        Assert.AreEqual(-1.0, Call("indexOf", "hello", "z").Num);
        Assert.AreEqual(0.0, Call("indexOf", "hello", "").Num);
        Assert.AreEqual(2.0, Call("indexOf", "🌍🌍x🌍", "x").Num);
        Assert.AreEqual(2.0, Call("indexOf", "héllo", "llo").Num);
        Assert.AreEqual(3.0, Call("lastIndexOf", "hello", "l").Num);
        Assert.AreEqual(3.0, Call("lastIndexOf", "🌍a🌍a", "a").Num);
        Assert.AreEqual(-1.0, Call("lastIndexOf", "hello", "L").Num);
        Assert.AreEqual(4.0, Call("lastIndexOf", "日本語🌍", "").Num);
    }

    [TestMethod]
    public void IncludesStartsEnds()
    {
        Assert.IsTrue(Call("includes", "hello", "ell").AsBool);
        Assert.IsTrue(Call("includes", "hello", "").AsBool);
        Assert.IsFalse(Call("includes", "hello", "Ell").AsBool);
        Assert.IsTrue(Call("startsWith", "🌍x", "🌍").AsBool);
        Assert.IsFalse(Call("startsWith", "ab", "abc").AsBool);
        Assert.IsTrue(Call("endsWith", "abc", "bc").AsBool);
        Assert.IsTrue(Call("endsWith", "abc", "").AsBool);
        Assert.IsFalse(Call("endsWith", "e\u0301", "e").AsBool); // ordinal, no normalisation
    }

    [TestMethod]
    [DataRow("straße", "STRASSE", "straße")]
    [DataRow("ΣΑΣ ΟΔΥΣΣΕΥΣ.", "ΣΑΣ ΟΔΥΣΣΕΥΣ.", "σας οδυσσευς.")]
    [DataRow("Σ", "Σ", "σ")]
    [DataRow("aΣb", "AΣB", "aσb")]
    [DataRow("AΣ'", "AΣ'", "aς'")]
    [DataRow("AΣ'b", "AΣ'B", "aσ'b")]
    [DataRow("AΣ\u0301", "AΣ\u0301", "aς\u0301")]
    [DataRow("ΌΣΟΣ", "ΌΣΟΣ", "όσος")]
    [DataRow("ŉ", "ʼN", "ŉ")]
    [DataRow("ǰ", "J\u030C", "ǰ")]
    [DataRow("ΐ", "Ι\u0308\u0301", "ΐ")]
    [DataRow("ﬁ", "FI", "ﬁ")]
    [DataRow("İ", "İ", "i\u0307")]
    [DataRow("ǅ", "Ǆ", "ǆ")]
    [DataRow("ᾳ", "ΑΙ", "ᾳ")]
    [DataRow("ı", "I", "ı")]
    [DataRow("ſ", "S", "ſ")]
    [DataRow("Hello, Wörld! 🌍", "HELLO, WÖRLD! 🌍", "hello, wörld! 🌍")]
    [DataRow("𐐨𐐀", "𐐀𐐀", "𐐨𐐨")] // Deseret: outside the BMP
    [DataRow("Title i", "TITLE I", "title i")] // no Turkish (culture) rules
    public void CaseMappingLikeRust(string input, string upper, string lower)
    {
        Assert.AreEqual(upper, Show("toUpperCase", input));
        Assert.AreEqual(lower, Show("toLowerCase", input));
    }

    [TestMethod]
    public void Substring()
    {
        Assert.AreEqual("él", Show("substring", "héllo", 1, 3));
        Assert.AreEqual("🌍b", Show("substring", "a🌍b🌍", 1, 3));
        Assert.AreEqual("", Show("substring", "abc", 3, 3));
        Assert.AreEqual("ab", Show("substring", "abc", -5, 2));
        Assert.AreEqual("", Show("substring", "abc", -5, -1));
        Assert.AreEqual("abc", Show("substring", "abc", 0, 3.0));
        FailsType("substring() indices must be integers", "substring", "abc", 0.5, 2);
        FailsType("substring() indices must be integers", "substring", "abc", 0, double.NaN);
        FailsType("substring() indices must be integers", "substring", "abc", 0, double.PositiveInfinity);
        FailsWith(RuntimeErrorKind.OutOfBounds, "substring", "abc", 2, 1);
        FailsWith(RuntimeErrorKind.OutOfBounds, "substring", "abc", 0, 4);
        FailsWith(RuntimeErrorKind.OutOfBounds, "substring", "🌍", 0, 2); // one scalar, two UTF-16 units
    }

    [TestMethod]
    public void CharAt()
    {
        Assert.AreEqual("🌍", Show("charAt", "a🌍b", 1));
        Assert.AreEqual("b", Show("charAt", "a🌍b", 2));
        Assert.AreEqual("a", Show("charAt", "abc", -3)); // REF-QUIRK: negative acts as 0
        Assert.AreEqual("\u0301", Show("charAt", "e\u0301", 1));
        FailsType("charAt() index must be an integer", "charAt", "abc", 1.5);
        FailsWith(RuntimeErrorKind.OutOfBounds, "charAt", "a🌍b", 3);
        FailsWith(RuntimeErrorKind.OutOfBounds, "charAt", "", -1);
    }

    [TestMethod]
    public void Repeat()
    {
        Assert.AreEqual("ababab", Show("repeat", "ab", 3));
        Assert.AreEqual("", Show("repeat", "ab", 0));
        Assert.AreEqual(1000000.0, Call("len", Call("repeat", "x", 1000000)).Num);
        FailsType("repeat() count must be an integer", "repeat", "a", 1.5);
        FailsType("repeat() count cannot be negative", "repeat", "a", -1);
        FailsWith(RuntimeErrorKind.InvalidNumericResult, "repeat", "a", 1000001);
        FailsStdlib("repeat(): expected number, got string", "repeat", "a", "3");
    }

    [TestMethod]
    public void Replace()
    {
        Assert.AreEqual("b-a-a", Show("replace", "a-a-a", "a", "b"));
        Assert.AreEqual("abc", Show("replace", "abc", "", "X"));
        Assert.AreEqual("abc", Show("replace", "abc", "z", "X"));
        Assert.AreEqual("a🌍c", Show("replace", "abc", "b", "🌍"));
    }

    [TestMethod]
    public void Pad()
    {
        Assert.AreEqual("007", Show("padStart", "7", 3, "0"));
        Assert.AreEqual("abxyx", Show("padEnd", "ab", 5, "xy"));
        Assert.AreEqual("abc", Show("padStart", "abc", 2, "0"));
        Assert.AreEqual("abc", Show("padEnd", "abc", 5, ""));
        Assert.AreEqual("abc", Show("padEnd", "abc", -4, "x"));
        Assert.AreEqual("🌍🌙🌍x", Show("padStart", "x", 4, "🌍🌙"));
        Assert.AreEqual("🌍.", Show("padEnd", "🌍", 2, ".")); // the emoji counts as one
        FailsType("padStart() length must be an integer", "padStart", "a", 2.5, " ");
        FailsType("padEnd() length must be an integer", "padEnd", "a", double.NaN, " ");
        FailsWith(RuntimeErrorKind.MemoryLimit, "padEnd", "a", 1e12, " ");
    }

    // Found by fuzzing: indexing a ?-typed string (s[i]) at a lone surrogate threw ArgumentException from
    // Rune.GetRuneAt. It now yields what charAt yields: the scalar, or the lone unit.
    [TestMethod]
    public void StringIndexingMatchesCharAtEvenOnLoneSurrogates()
    {
        foreach (var s in new[] { "a\ud800b", "\udfff", "a🌍\ud83cb", "abc" })
            for (int i = 0; i < s.Length; i++)
            {
                if (i >= Call("len", s).Num) break;
                Assert.AreEqual(Show("charAt", s, i), ValueFormatter.Display(ValueOps.GetIndex(Value.String(s), Value.Number(i))), $"{s} [{i}]");
            }
    }
}
