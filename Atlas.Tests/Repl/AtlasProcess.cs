using Atlas.Tests.Support;

namespace Atlas.Tests.Repl;

/// <summary>Runs the built <c>atlas</c> command (atlas.dll, copied next to the tests) as a separate process.</summary>
internal static class AtlasProcess
{
    /// <summary>The built command; the test project references Atlas.Repl, so it sits beside the test assembly.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "atlas.dll");

    /// <summary>The dotnet host running the tests (set by the dotnet CLI), or the one on PATH.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <c>atlas ARGS</c> with <paramref name="stdin"/> piped in; returns exit code and both outputs.</summary>
    public static (int Code, string Out, string Err) Run(string stdin, params string[] args)
    {
        var result = ChildProcess.Run(DotnetHost, [Dll, .. args], TimeSpan.FromSeconds(60), stdin);
        return (result.Code, result.Out, result.Err);
    }
}
