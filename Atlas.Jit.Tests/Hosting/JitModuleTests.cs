using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Modules;

namespace Atlas.Jit.Tests.Hosting;

/// <summary>Functions imported from a module are compiled by the JIT like the script's own, and called from compiled code.</summary>
[TestClass]
public sealed class JitModuleTests
{
    [TestMethod]
    public void ImportedFunctionsAreCompiled()
    {
        var modules = new Dictionary<string, string>
        {
            ["math.atl"] = "fn square(x: number) -> number { return x * x; }\nexport fn sumSquares(n: number) -> number {\n"
                + "    var s = 0;\n    var i = 0;\n    while (i < n) { s = s + square(i); i = i + 1; }\n    return s;\n}",
        };
        var options = new AtlasOptions { Output = TextWriter.Null, Jit = { Threshold = 1 }, ModuleResolver = new InMemoryModuleResolver(modules) }.UseJit();
        var engine = new AtlasEngine(options);
        Assert.AreEqual(285.0, engine.Evaluate("import { sumSquares } from \"./math\";\nfn run() -> number { return sumSquares(10); }\nrun()"));
        Assert.IsNotNull(engine.GetGlobalValue("sumSquares").AsFunction.Proto.Compiled, "the imported function was compiled");
        Assert.IsNotNull(engine.GetGlobalValue("run").AsFunction.Proto.Compiled);
    }
}
