using System.Diagnostics;

namespace Atlas.Tests.Support;

/// <summary>Runs a program as a separate process with its input piped in and both outputs captured.</summary>
internal static class ChildProcess
{
    /// <summary>How a process ended: its exit code and what it wrote, with \n line ends.</summary>
    public sealed record Result(int Code, string Out, string Err)
    {
        /// <summary>Everything it wrote, for assertion messages.</summary>
        public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    /// <summary>
    /// Runs <paramref name="file"/> and waits for it; a process still running after <paramref name="timeout"/> is
    /// killed (with its children) and fails the test. <paramref name="environment"/> entries set (or, when null, remove)
    /// variables of the child.
    /// </summary>
    public static Result Run(string file, IEnumerable<string> args, TimeSpan timeout, string stdin = "",
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(file)} {string.Join(' ', args)} did not exit within {timeout.TotalSeconds} s");
        }
        return new Result(process.ExitCode, stdout.Result.ReplaceLineEndings("\n"), stderr.Result.ReplaceLineEndings("\n"));
    }
}
