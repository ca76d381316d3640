using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Atlas.Tests.Repl;
using Atlas.Tests.Support;

namespace Atlas.Tests.Packaging;

/// <summary>
/// The packages end to end (docs/packaging.md): <c>dotnet pack</c> of the repository makes exactly Atlas.Runtime,
/// Atlas.Jit and the tool Atlas.Cli; the tool installs from the folder of packs into a tool path and behaves like the
/// built CLI; examples/embedding builds and runs against the packages. Offline: the folder of packs is the only package
/// source, and FastExpressionCompiler comes from the machine's package cache, where building the tests put it. The
/// packs get a version of their own (a <c>ci.</c> prerelease), so no cache can hand back packages of an earlier run.
/// </summary>
[TestClass]
public sealed class PackagingTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(10);
    private static readonly string Rid = CurrentRid();
    private static string _work = "";
    private static string _suffix = "";
    private static ChildProcess.Result? _pack;
    private static ChildProcess.Result? _install;

    private static string Packs => Path.Combine(_work, "packs");
    private static string InstalledAtlas => Path.Combine(_work, "tools", OperatingSystem.IsWindows() ? "atlas.exe" : "atlas");

    [ClassInitialize]
    public static void PackAndInstall(TestContext context)
    {
        _work = TempFiles.NewDirectory("atlas-packaging-");
        _suffix = "ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(_work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="atlas-packs" value="{Packs}" />
              </packageSources>
            </configuration>
            """);
        // ReadyToRun for the current RID only: every RID would cost minutes of CI.
        _pack = Dotnet("pack", RepositoryRoot.Combine("Atlas.sln"), "-c", "Release", "-o", Packs,
            "--artifacts-path", Path.Combine(_work, "artifacts"), $"-p:VersionSuffix={_suffix}", $"-p:ToolPackageRuntimeIdentifiers={Rid}");
        if (_pack.Code != 0) return;
        _install = Dotnet("tool", "install", "Atlas.Cli", "--tool-path", Path.Combine(_work, "tools"), "--version", Version(),
            "--configfile", Path.Combine(_work, "nuget.config"));
    }

    [ClassCleanup]
    public static void RemoveWorkFolder()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
    }

    [TestMethod]
    public void PackMakesExactlyTheThreePackagesWithSymbols()
    {
        RequirePack();
        string v = Version();
        var expected = new[]
        {
            $"Atlas.Cli.{v}.nupkg", $"Atlas.Cli.{Rid}.{v}.nupkg", $"Atlas.Cli.{Rid}.{v}.snupkg",
            $"Atlas.Jit.{v}.nupkg", $"Atlas.Jit.{v}.snupkg", $"Atlas.Runtime.{v}.nupkg", $"Atlas.Runtime.{v}.snupkg",
        };
        CollectionAssert.AreEquivalent(expected, Directory.GetFiles(Packs).Select(Path.GetFileName).ToArray());

        using var runtime = ZipFile.OpenRead(Path.Combine(Packs, $"Atlas.Runtime.{v}.nupkg"));
        CollectionAssert.IsSubsetOf(new[] { "README.md", "lib/net10.0/Atlas.Runtime.dll", "lib/net10.0/Atlas.Runtime.xml" },
            runtime.Entries.Select(e => e.FullName).ToArray());
        string jitSpec = Nuspec(Path.Combine(Packs, $"Atlas.Jit.{v}.nupkg"));
        // Exactly its own version of Atlas.Runtime, whose internals it uses.
        StringAssert.Contains(jitSpec, $"<dependency id=\"Atlas.Runtime\" version=\"[{v}]\"");
        StringAssert.Contains(jitSpec, "<dependency id=\"FastExpressionCompiler\"");
        StringAssert.Contains(jitSpec, "<license type=\"expression\">MIT</license>");
        StringAssert.Contains(Nuspec(Path.Combine(Packs, $"Atlas.Cli.{v}.nupkg")), "<packageType name=\"DotnetTool\" />");
    }

    [TestMethod]
    public void ToolPackageIsPrecompiled()
    {
        RequirePack();
        using var tool = ZipFile.OpenRead(Path.Combine(Packs, $"Atlas.Cli.{Rid}.{Version()}.nupkg"));
        foreach (var name in new[] { "atlas.dll", "Atlas.Runtime.dll", "Atlas.Jit.dll" })
        {
            var entry = tool.GetEntry($"tools/net10.0/{Rid}/{name}");
            Assert.IsNotNull(entry, $"{name} is not in the tool package");
            using var copy = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(copy);
            copy.Position = 0;
            using var pe = new PEReader(copy);
            Assert.IsGreaterThan(0, pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, $"{name} has no ReadyToRun code");
        }
    }

    [TestMethod]
    public void InstalledToolRunsAnExample()
    {
        RequireInstall();
        var installed = ChildProcess.Run(InstalledAtlas, ["run", RepositoryRoot.Combine("examples", "hello.atl")], Slow);
        Assert.AreEqual(0, installed.Code, installed.ToString());
        StringAssert.StartsWith(installed.Out, "Hello, Atlas!\n");
        Assert.AreEqual(BuiltCli("run", RepositoryRoot.Combine("examples", "hello.atl")), installed);
    }

    [TestMethod]
    [DataRow("runtime error", "run", "divide.atl")]
    [DataRow("compile error", "check", "mistyped.atl")]
    [DataRow("missing file", "run", "no-such-file.atl")]
    [DataRow("unknown option", "run", "divide.atl", "--bogus")]
    [DataRow("missing argument", "run")]
    [DataRow("unknown command", "frobnicate")]
    public void InstalledToolFailsLikeTheBuiltCli(string what, params string[] args)
    {
        RequireInstall();
        File.WriteAllText(Path.Combine(_work, "divide.atl"), "let zero = 0;\nprint(1 / zero);\n");
        File.WriteAllText(Path.Combine(_work, "mistyped.atl"), "let x: number = \"text\";\n");
        var installed = ChildProcess.Run(InstalledAtlas, args, Slow, workingDirectory: _work);
        Assert.AreNotEqual(0, installed.Code, what);
        Assert.AreEqual(BuiltCli(args), installed, what);
        Assert.DoesNotContain("   at ", installed.Err, what + ": a .NET stack trace");
    }

    [TestMethod]
    public void EmbeddingExampleRunsAgainstThePackages()
    {
        RequirePack();
        string output = Path.Combine(_work, "embedding");
        var build = Dotnet("build", RepositoryRoot.Combine("examples", "embedding"), "-c", "Release", "--artifacts-path", output,
            $"-p:VersionSuffix={_suffix}", $"-p:RestoreConfigFile={Path.Combine(_work, "nuget.config")}",
            $"-p:RestorePackagesPath={Path.Combine(_work, "packages")}", $"-p:RestoreFallbackFolders={GlobalPackagesFolder()}");
        Assert.AreEqual(0, build.Code, build.ToString());
        // The example restored the packs, not the projects of the repository.
        Assert.IsTrue(Directory.Exists(Path.Combine(_work, "packages", "atlas.runtime", Version())), build.ToString());

        var run = ChildProcess.Run(AtlasProcess.DotnetHost, [Path.Combine(output, "bin", "Embedding", "release", "Embedding.dll")], Slow);
        Assert.AreEqual(0, run.Code, run.ToString());
        StringAssert.Contains(run.Out, "[host] collatzSteps defined\n");
        StringAssert.Contains(run.Out, "longest Collatz chain below 10000 starts at 6171 (261 steps)\n");
        StringAssert.Contains(run.Out, "steps from 27, 97, 871: 111, 118, 178\n");
        StringAssert.Contains(run.Out, "runtime error AT0006: Array index out of bounds\n");
        StringAssert.Contains(run.Out, "JIT: 1 function compiled");
    }

    private static ChildProcess.Result BuiltCli(params string[] args) =>
        ChildProcess.Run(AtlasProcess.DotnetHost, [AtlasProcess.Dll, .. args], Slow, workingDirectory: _work);

    /// <summary>
    /// A dotnet command of its own: no MSBuild settings inherited from the test run, and no build server or node left
    /// running (one would keep the output pipes open).
    /// </summary>
    private static ChildProcess.Result Dotnet(params string[] args) =>
        ChildProcess.Run(AtlasProcess.DotnetHost, args, Slow, environment: new Dictionary<string, string?>
        {
            ["MSBuildExtensionsPath"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        });

    private static void RequirePack()
    {
        Assert.IsNotNull(_pack, "the pack did not run");
        Assert.AreEqual(0, _pack.Code, _pack.ToString());
    }

    private static void RequireInstall()
    {
        RequirePack();
        Assert.IsNotNull(_install, "the install did not run");
        Assert.AreEqual(0, _install.Code, _install.ToString());
    }

    /// <summary>The version the packs got: the repository's version with this run's suffix.</summary>
    private static string Version()
    {
        string runtime = Path.GetFileName(Directory.GetFiles(Packs, "Atlas.Runtime.*.nupkg").Single());
        return runtime["Atlas.Runtime.".Length..^".nupkg".Length];
    }

    private static string Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string CurrentRid()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return os + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
    }
}
