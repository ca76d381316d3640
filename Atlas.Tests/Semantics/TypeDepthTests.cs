using Atlas.Semantics;
using Atlas.Tests.Support;

namespace Atlas.Tests.Semantics;

/// <summary>
/// Types deeper than <see cref="AtlasType.MaxDepth"/> are AT1007. Aliases and generic inference build types far deeper
/// than any written one (one alias or one statement adds a level per written <c>[]</c>), and type operations recurse,
/// so such programs used to overflow the stack in the checker.
/// </summary>
[TestClass]
public sealed class TypeDepthTests
{
    private static string Brackets(int n) => string.Concat(Enumerable.Repeat("[]", n));

    private static readonly string TooDeep = $"AT1007: Type is nested too deeply (more than {AtlasType.MaxDepth} levels)";

    [TestMethod]
    public void AliasesCannotStackUpDepth()
    {
        var lines = new List<string> { "type A0 = number" + Brackets(40) + ";" };
        for (int i = 1; i < 100; i++) lines.Add($"type A{i} = A{i - 1}{Brackets(40)};");
        lines.Add("let x: A99 = [];");
        Assert.AreEqual("AT1007", SmallStack.Execute(string.Join("\n", lines)));
        Assert.AreEqual(TooDeep, CheckHelper.Errors("type A = number" + Brackets(40) + ";\ntype B = A" + Brackets(40) + ";"));
    }

    [TestMethod]
    public void InferenceCannotStackUpDepth()
    {
        var lines = new List<string> { "fn w<T>(x: T) -> T" + Brackets(30) + " { return []; }", "let a0 = 1;" };
        for (int i = 1; i < 200; i++) lines.Add($"let a{i} = w(a{i - 1});");
        lines.Add("let n: number = a199;");
        Assert.AreEqual("AT1007", SmallStack.Execute(string.Join("\n", lines)));
        Assert.StartsWith(TooDeep, CheckHelper.Errors("fn w<T>(x: T) -> T" + Brackets(40) + " { return []; }\nlet b = w(w(1));"));
    }

    [TestMethod]
    public void VariablesCannotStackUpDepth()
    {
        var lines = new List<string> { "let a0 = 1;" };
        for (int i = 1; i < 100; i++) lines.Add($"let a{i} = [a{i - 1}];");
        Assert.AreEqual(TooDeep, CheckHelper.Errors(string.Join("\n", lines)));
    }

    [TestMethod]
    public void TypesUpToTheLimitAreFine()
    {
        Assert.AreEqual("", CheckHelper.Errors("let a: number" + Brackets(AtlasType.MaxDepth - 1) + " = [];"));
        Assert.AreEqual(TooDeep, CheckHelper.Errors("let a: number" + Brackets(AtlasType.MaxDepth) + " = [];"));
    }
}
