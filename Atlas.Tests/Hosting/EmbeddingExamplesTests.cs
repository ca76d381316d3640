using Atlas.Tests.Hosting.Examples;

namespace Atlas.Tests.Hosting;

/// <summary>The examples of docs/embedding.md run and print what the document says they print.</summary>
[TestClass]
public sealed class EmbeddingExamplesTests
{
    private static void PrintsWhatTheDocumentSays(string file, Action<TextWriter> example)
    {
        var output = new StringWriter();
        example(output);
        Assert.AreEqual(EmbeddingDoc.OutputOf("Atlas.Tests/Hosting/Examples/" + file), output.ToString().ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void QuickStart() => PrintsWhatTheDocumentSays("QuickStartExample.cs", QuickStartExample.Run);

    [TestMethod]
    public void Globals() => PrintsWhatTheDocumentSays("GlobalsExample.cs", GlobalsExample.Run);

    [TestMethod]
    public void HostFunctions() => PrintsWhatTheDocumentSays("HostFunctionsExample.cs", HostFunctionsExample.Run);

    [TestMethod]
    public void Errors() => PrintsWhatTheDocumentSays("ErrorsExample.cs", ErrorsExample.Run);

    [TestMethod]
    public void Limits() => PrintsWhatTheDocumentSays("LimitsExample.cs", LimitsExample.Run);

    [TestMethod]
    public void Permissions() => PrintsWhatTheDocumentSays("PermissionsExample.cs", PermissionsExample.Run);
}
