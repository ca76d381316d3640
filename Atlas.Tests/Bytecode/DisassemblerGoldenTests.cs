using Atlas.Bytecode;
using Atlas.Hosting;
using Atlas.Tests.Support;

namespace Atlas.Tests.Bytecode;

/// <summary>The disassembly of ten corpus programs, against checked-in golden files (<see cref="GoldenFile"/>).</summary>
[TestClass]
public sealed class DisassemblerGoldenTests
{
    public static IEnumerable<object[]> Cases => GoldenFile.Cases;

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void DisassemblyMatchesTheGoldenFile(string program)
    {
        var source = File.ReadAllText(Path.Combine(CorpusRunner.CorpusRoot, program));
        var compiled = Pipeline.Compile(source).Program;
        Assert.IsNotNull(compiled, program);
        GoldenFile.Check("Disasm", program, Disassembler.Disassemble(compiled));
    }
}
