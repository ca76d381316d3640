using System.Reflection;
using Atlas.Hosting;
using Atlas.Jit.Hosting;
using Atlas.Tests.Support;
using PublicApiGenerator;

namespace Atlas.Jit.Tests.PublicApi;

/// <summary>
/// The public surface of the two library packages is deliberate: it is compared with the approved text next to this
/// file, so a change to it shows up in review. After an intended change, rewrite the files with
/// <c>ATLAS_UPDATE_API=1 dotnet test Atlas.Jit.Tests --filter PublicApiTests</c> and commit the diff.
/// </summary>
[TestClass]
public sealed class PublicApiTests
{
    private const string UpdateVariable = "ATLAS_UPDATE_API";

    public static IEnumerable<object[]> Libraries =>
    [
        [typeof(AtlasEngine).Assembly.GetName().Name!],
        [typeof(JitHosting).Assembly.GetName().Name!],
    ];

    [TestMethod]
    [DynamicData(nameof(Libraries))]
    public void PublicApiIsTheApprovedOne(string library)
    {
        string actual = PublicApiOf(library);
        string approvedFile = RepositoryRoot.Combine("Atlas.Jit.Tests", "PublicApi", library + ".approved.txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(approvedFile, actual);
            return;
        }
        Assert.IsTrue(File.Exists(approvedFile), $"{approvedFile} is missing; create it with {UpdateVariable}=1");
        Assert.AreEqual(File.ReadAllText(approvedFile).ReplaceLineEndings("\n"), actual,
            $"The public API of {library} changed. If that is intended, rerun with {UpdateVariable}=1 and commit the approved file.");
    }

    [TestMethod]
    public void TheEmbeddingApiIsPublicAndTheEngineInternalsAreNot()
    {
        string runtime = PublicApiOf("Atlas.Runtime");
        string jit = PublicApiOf("Atlas.Jit");
        foreach (var type in new[] { "class AtlasEngine", "class AtlasOptions", "class ValueConversion", "class AtlasRuntimeException",
                     "class AtlasCompileException", "struct Value" })
            StringAssert.Contains(runtime, type);
        foreach (var type in new[] { "class JitHosting", "class JitConfig", "class JitStats" })
            StringAssert.Contains(jit, type);
        foreach (var type in new[] { "class Interpreter", "class Parser", "class FunctionProto", "interface ITieringHook" })
            Assert.DoesNotContain(type, runtime);
        foreach (var type in new[] { "class JitEngine", "class FunctionTranslator", "class CodeCache" })
            Assert.DoesNotContain(type, jit);
    }

    private static string PublicApiOf(string library) =>
        Assembly.Load(library).GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
}
