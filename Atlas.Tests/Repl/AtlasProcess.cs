using System.Diagnostics;

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
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("atlas did not exit within 60 s");
        }
        return (process.ExitCode, stdout.Result.ReplaceLineEndings("\n"), stderr.Result.ReplaceLineEndings("\n"));
    }
}
