using Atlas.Hosting;
using Atlas.Modules;
using Atlas.Tests.Support;
using Atlas.Vm;

namespace Atlas.Tests.Hosting;

/// <summary>Imports in an embedding engine: the module resolver the host chooses, module roots, each module run once.</summary>
[TestClass]
public sealed class EngineModuleTests
{
    private static readonly Dictionary<string, string> Library = new()
    {
        ["math.atl"] =
            "print(\"math runs\");\nexport fn add(a: number, b: number) -> number { return a + b; }\nexport let TEN: number = 10;",
        ["lib/geo.atl"] =
            "import { add } from \"../math\";\nlet TWO: number = 2;\nexport fn moveBy(x: number) -> number { return add(x, TWO); }",
        ["a.atl"] = "import { b } from \"./b\";\nexport let a: number = 1;",
        ["b.atl"] = "import { a } from \"./a\";\nexport let b: number = 2;",
        ["boom.atl"] = "export fn f() -> number { return 1; }\nlet x: number = 1 / 0;",
    };

    private static (AtlasEngine Engine, StringWriter Output) Engine(IModuleResolver? resolver, AtlasPermissions? permissions = null)
    {
        var output = new StringWriter();
        var options = new AtlasOptions { Output = output, ModuleResolver = resolver, Permissions = permissions ?? AtlasPermissions.None };
        return (new AtlasEngine(options), output);
    }

    private static AtlasCompileException CompileFails(AtlasEngine engine, string source, string code)
    {
        var e = Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate(source));
        Assert.AreEqual(code, e.Diagnostics.First(d => d.IsError).Code, e.Message);
        Assert.AreEqual(2.0, engine.Evaluate("1 + 1"), "the engine is usable afterwards");
        return e;
    }

    [TestMethod]
    public void ModulesFromMemoryRunOncePerEngine()
    {
        var (engine, output) = Engine(new InMemoryModuleResolver(Library));
        Assert.AreEqual(3.0, engine.Evaluate("import { add } from \"./math\";\nadd(1, 2)"));
        Assert.AreEqual(12.0, engine.Evaluate("import { add, TEN } from \"./math\";\nadd(TEN, 2)"));
        Assert.AreEqual(7.0, engine.Evaluate("import { moveBy } from \"./lib/geo\";\nmoveBy(5)"));
        Assert.AreEqual("math runs\n", output.ToString());
        Assert.AreEqual(5.0, engine.Evaluate("add(2, 3)"), "an imported name stays defined, like any top-level name");
    }

    [TestMethod]
    public void ImportErrorsAreCompileErrorsAtTheImport()
    {
        var (engine, _) = Engine(new InMemoryModuleResolver(Library));
        var e = CompileFails(engine, "import { nope } from \"./missing\";", "AT5002");
        Assert.StartsWith("<eval>:1:1:22: error[AT5002]: Cannot find module './missing'", e.Message);
        e = CompileFails(engine, "import { a } from \"./a\";", "AT5003");
        Assert.Contains("Circular dependency detected: a.atl -> b.atl -> a.atl", e.Message);
        CompileFails(engine, "import { subtract } from \"./math\";", "AT5006");
        CompileFails(engine, "import * as m from \"./math\";", "AT5007");
        CompileFails(engine, "fn add() {}\nimport { add } from \"./math\";", "AT2003");
    }

    [TestMethod]
    public void AModuleThatFailsWhileRunningReportsItsOwnFile()
    {
        var (engine, _) = Engine(new InMemoryModuleResolver(Library));
        var e = Assert.ThrowsExactly<AtlasRuntimeException>(() => engine.Evaluate("import { f } from \"./boom\";\nf();"));
        Assert.AreEqual("AT0005", e.Code);
        Assert.StartsWith("boom.atl:2:17: error[AT0005]: Divide by zero", engine.FormatError(e));
        Assert.AreEqual(2.0, engine.Evaluate("1 + 1"));
    }

    [TestMethod]
    public void ModulesCanBeRefused()
    {
        var (engine, _) = Engine(NoModuleResolver.Instance);
        var e = CompileFails(engine, "import { add } from \"./math\";", "AT5001");
        Assert.Contains("Cannot load module './math': this host does not load modules", e.Message);
    }

    [TestMethod]
    public void FilesLoadOnlyFromModuleRoots()
    {
        var root = RealPath.Resolve(TempFiles.NewDirectory("atlas-modroot-"));
        try
        {
            var lib = Directory.CreateDirectory(Path.Combine(root, "lib")).FullName;
            File.WriteAllText(Path.Combine(lib, "util.atl"), "export fn twice(x: number) -> number { return x * 2; }");
            File.WriteAllText(Path.Combine(root, "secret.atl"), "export let s: number = 1;");
            var main = Path.Combine(lib, "main.atl");
            File.WriteAllText(main, "import { twice } from \"./util\";\ntwice(21);");

            var (denied, _) = Engine(null);
            var e = Assert.ThrowsExactly<AtlasCompileException>(() => denied.ExecuteFile(main));
            Assert.Contains($"Cannot load module './util': {lib}/util.atl is outside the module roots", e.Message);

            var (engine, _) = Engine(null, AtlasPermissions.None.AllowModules(lib));
            Assert.AreEqual(42.0, engine.ExecuteFile(main));
            e = Assert.ThrowsExactly<AtlasCompileException>(() => engine.Evaluate("import { s } from \"../secret\";", main));
            Assert.Contains("is outside the module roots", e.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
