using System.Diagnostics;
using Atlas.Tests.Support;

namespace Atlas.Tests.Editors;

/// <summary>
/// The VS Code extension's own tests (editors/vscode: the TextMate grammar tokenized by vscode-textmate and
/// vscode-oniguruma, and the manifest), run with Node as part of <c>dotnet test</c>: <c>npm ci</c> from the checked-in
/// lockfile, then <c>npm test</c>. .ci/run installs Node when the machine lacks it.
/// </summary>
[TestClass]
public sealed class VsCodeExtensionTests
{
    private static readonly string Folder = RepositoryRoot.Combine("editors", "vscode");

    [TestMethod]
    public void GrammarAndManifestTestsPassUnderNode()
    {
        var (install, installOutput) = Npm("ci", "--no-audit", "--no-fund");
        Assert.AreEqual(0, install, "npm ci failed:\n" + installOutput);
        var (test, testOutput) = Npm("test");
        Assert.AreEqual(0, test, "npm test failed:\n" + testOutput);
        StringAssert.Contains(testOutput, "# fail 0");
    }

    private static (int Code, string Output) Npm(params string[] args)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AssertFailedException("npm is not installed (.ci/run installs Node and npm): " + e.Message);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"npm {string.Join(' ', args)} did not finish within 5 minutes");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
