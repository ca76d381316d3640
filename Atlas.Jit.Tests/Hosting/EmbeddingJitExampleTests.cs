using Atlas.Jit.Tests.Hosting.Examples;
using Atlas.Tests.Hosting;

namespace Atlas.Jit.Tests.Hosting;

/// <summary>The JIT example of docs/embedding.md runs and prints what the document says.</summary>
[TestClass]
public sealed class EmbeddingJitExampleTests
{
    [TestMethod]
    public void Jit()
    {
        var output = new StringWriter();
        JitExample.Run(output);
        Assert.AreEqual(EmbeddingDoc.OutputOf("Atlas.Jit.Tests/Hosting/Examples/JitExample.cs"), output.ToString().ReplaceLineEndings("\n"));
    }
}
