using Atlas.Syntax;

namespace Atlas.Tests.Syntax;

/// <summary>Parsing <c>import</c> and <c>export</c> at top level (language.md §15).</summary>
[TestClass]
public sealed class ModuleSyntaxTests
{
    [TestMethod]
    public void NamedImportsAreKeptBesideTheStatements()
    {
        var parse = Parser.Parse("import { a, b, } from \"./m\";\nimport { c } from \"../lib/n.atl\";\nprint(a);");
        Assert.IsFalse(parse.HasErrors);
        Assert.HasCount(1, parse.Unit.Items);
        Assert.HasCount(2, parse.Unit.Imports);
        Assert.AreEqual("./m", parse.Unit.Imports[0].Source);
        CollectionAssert.AreEqual(new[] { "a", "b" }, parse.Unit.Imports[0].Names.Select(n => n.Name).ToArray());
        Assert.AreEqual("../lib/n.atl", parse.Unit.Imports[1].Source);
        Assert.IsNull(parse.Unit.Imports[0].NamespaceSpan);
    }

    [TestMethod]
    public void ANamespaceImportParsesSoTheLoaderCanReportIt()
    {
        var parse = Parser.Parse("import * as ns from \"./m\";");
        Assert.IsFalse(parse.HasErrors);
        Assert.AreEqual(new Atlas.Diagnostics.TextSpan(7, 14), parse.Unit.Imports[0].NamespaceSpan);
    }

    [TestMethod]
    public void ExportMarksTheDeclaration()
    {
        var parse = Parser.Parse("export fn f() { }\nexport let x = 1;\nexport var y = 2;\nexport type T = number;\nlet z = 3;");
        Assert.IsFalse(parse.HasErrors);
        Assert.IsTrue(((FnDecl)parse.Unit.Items[0]).IsExported);
        Assert.IsTrue(((VarDecl)parse.Unit.Items[1]).IsExported);
        Assert.IsTrue(((VarDecl)parse.Unit.Items[2]).IsExported);
        Assert.IsTrue(((TypeAliasDecl)parse.Unit.Items[3]).IsExported);
        Assert.IsFalse(((VarDecl)parse.Unit.Items[4]).IsExported);
    }

    [TestMethod]
    [DataRow("import { a } \"./m\";", "AT1004", "Expected 'from'")]
    [DataRow("import { a } from m;", "AT1004", "Expected a module path string")]
    [DataRow("import { a from \"./m\";", "AT1003", "Expected '}'")]
    [DataRow("import a from \"./m\";", "AT1004", "Expected '{'")]
    [DataRow("export print(1);", "AT1004", "Expected a function, variable or type declaration after 'export'")]
    public void MalformedImportsAndExportsAreSyntaxErrors(string source, string code, string message)
    {
        var parse = Parser.Parse(source);
        var error = parse.Diagnostics.First(d => d.IsError);
        Assert.AreEqual(code, error.Code);
        Assert.AreEqual(message, error.Message);
    }
}
