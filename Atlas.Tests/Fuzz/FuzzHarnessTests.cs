namespace Atlas.Tests.Fuzz;

/// <summary>The fuzz harness's own behaviour: classification, hang handling, bounded output, seeds and shrinking.</summary>
[TestClass]
public sealed class FuzzHarnessTests
{
    [TestMethod]
    public void ClassifiesOutcomes()
    {
        Assert.AreEqual(FuzzOutcome.Ok, FuzzHarness.RunOne("print(1 + 1);").Outcome);
        Assert.AreEqual("AT1000", FuzzHarness.RunOne("let x = ;").Signature);
        Assert.AreEqual("AT3002", FuzzHarness.RunOne("let x = 1 + \"a\";").Signature);
        Assert.AreEqual("AT0005", FuzzHarness.RunOne("print(1 / 0);").Signature);
        Assert.AreEqual(FuzzOutcome.RuntimeError, FuzzHarness.RunOne("print(1 / 0);").Outcome);
        Assert.AreEqual("AT0009", FuzzHarness.RunOne("while (true) { }").Signature);
        Assert.AreEqual("AT0008", FuzzHarness.RunOne("fn f(n: number) -> number { return f(n + 1); }\nf(0);").Signature);
    }

    [TestMethod]
    public void AHangIsABugAndTheNextInputGetsAFreshWorker()
    {
        var harness = new FuzzHarness(new FuzzSettings { Timeout = TimeSpan.FromMinutes(5) }) { HardTimeout = TimeSpan.FromMilliseconds(300) };
        var hang = harness.Run("while (true) { }");
        Assert.AreEqual(FuzzOutcome.Bug, hang.Outcome);
        StringAssert.StartsWith(hang.Detail, "hang: no result after 0.3 s (phase run)");
        Assert.AreEqual(FuzzOutcome.Ok, harness.Run("print(2);").Outcome);
    }

    [TestMethod]
    public void JitRunsAreComparedWithTheInterpreter()
    {
        var harness = new FuzzHarness(new FuzzSettings { Jit = true });
        Assert.AreEqual(FuzzOutcome.Ok, harness.Run("fn f(n: number) -> number { return n * 2; }\nprint(f(21));").Outcome);
        Assert.AreEqual("AT0006", harness.Run("fn f(a: number[]) -> number { return a[3]; }\nprint(f([1]));").Signature);
    }

    [TestMethod]
    public void OutputIsBounded()
    {
        var writer = new BoundedWriter(5);
        writer.Write("abc");
        writer.Write('d');
        writer.Write("efgh");
        Assert.AreEqual("abcde", writer.ToString());
        Assert.AreEqual(8, writer.Written);
    }

    [TestMethod]
    [DataRow(null, null)]
    [DataRow("", null)]
    [DataRow("12", "12,11400714819323198485,")]
    [DataRow("(4,11400714819323198485)", "4,11400714819323198485,")]
    [DataRow("14647597899418332194,7808387142878545613,1", "14647597899418332194,7808387142878545613,1")]
    [DataRow("7,8", "7,9,")]
    [DataRow("x", null)]
    [DataRow("1,2,3,4", null)]
    public void SeedsParse(string? text, string? expected)
    {
        var parsed = FuzzConfig.ParseSeed(text);
        Assert.AreEqual(expected, parsed is { } p ? $"{p.Seed},{p.Gamma},{p.Size}" : null);
    }

    [TestMethod]
    public void MinimizeKeepsWhatTheFailureNeeds()
    {
        var text = "line one\nkeep @ this\nline three\nline four";
        Assert.AreEqual("@", TextShrinker.Minimize(text, s => s.Contains('@')));
    }

    [TestMethod]
    public void CorpusTextUnescapesLoneSurrogatesOnlyWhenAsked()
    {
        Assert.AreEqual("a\\uD800", FuzzCorpusText.Decode("a\\uD800"));
        Assert.AreEqual("x\ud800y", FuzzCorpusText.Decode(FuzzCorpusText.UnescapeDirective + "\nx\\uD800y"));
        Assert.AreEqual("🌍\\uDFFF", FuzzCorpusText.EscapeLoneSurrogates("🌍\udfff"));
    }
}
