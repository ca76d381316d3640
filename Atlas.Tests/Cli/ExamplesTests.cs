using Atlas.Repl.Cli;
using Atlas.Tests.Support;

namespace Atlas.Tests.Cli;

/// <summary>The programs in examples/ (the README's first command runs one) run cleanly: exit 0, output, no diagnostics.</summary>
[TestClass]
public sealed class ExamplesTests
{
    public static IEnumerable<object[]> Examples =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("examples"), "*.atl").Order().Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Examples))]
    public void RunsCleanly(string name)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new ProgramRunner(stdout, stderr).Run(RepositoryRoot.Combine("examples", name), new RunOptions { JitEnabled = false });
        Assert.AreEqual(0, code, stderr.ToString());
        Assert.AreEqual("", stderr.ToString());
        Assert.IsFalse(string.IsNullOrWhiteSpace(stdout.ToString()));
    }
}
