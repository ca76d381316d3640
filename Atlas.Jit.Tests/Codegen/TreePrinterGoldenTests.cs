using Atlas.Hosting;
using Atlas.Tests.Support;

namespace Atlas.Jit.Tests.Codegen;

/// <summary>
/// The compiled trees of ten corpus programs as <c>atlas disasm --jit</c> prints them, against checked-in golden files
/// (<see cref="GoldenFile"/>): a change to code generation shows up as a reviewable diff.
/// </summary>
[TestClass]
public sealed class TreePrinterGoldenTests
{
    public static IEnumerable<object[]> Cases => GoldenFile.Cases;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void CompiledTreesMatchTheGoldenFile(string program)
    {
        var source = File.ReadAllText(Path.Combine(CorpusRunner.CorpusRoot, program));
        var compiled = Pipeline.Compile(source).Program;
        Assert.IsNotNull(compiled, program);
        // One engine for the listing, script first: it learns the top-level functions and shows the direct calls; with the
        // globals' declared types, as `atlas disasm --jit` and a real run.
        var engine = new JitEngine();
        var text = new System.Text.StringBuilder();
        foreach (var proto in compiled.Functions.OrderBy(p => p.IsScript ? 0 : 1))
            text.Append("== ").Append(proto.Name).Append('\n').Append(engine.DescribeTree(proto, compiled.Globals)).Append("\n\n");
        GoldenFile.Check("JitTrees", program, text.ToString());
    }
}
