using Atlas.Repl.Cli;
using Atlas.Tests.Support;

namespace Atlas.Jit.Tests.Support;

/// <summary>Runs a program file the way <c>atlas run</c> does and captures everything it prints.</summary>
internal static class Runs
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, IReadOnlyList<JitEngine> Engines);

    public static Outcome File(string path, Func<JitEngine>? jit, RunOptions? options = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var engines = new List<JitEngine>();
        var runner = new ProgramRunner(stdout, stderr)
        {
            TieringFactory = jit == null ? null : _ =>
            {
                var engine = jit();
                engines.Add(engine);
                return engine;
            },
        };
        int exit = runner.Run(path, options ?? new RunOptions { JitEnabled = jit != null });
        return new Outcome(exit, stdout.ToString(), stderr.ToString(), engines);
    }

    /// <summary>Runs Atlas source text (written to a temporary file so diagnostics carry a path).</summary>
    public static Outcome Source(string source, Func<JitEngine>? jit, RunOptions? options = null)
    {
        var path = TempFiles.NewFile("atlas-jit-test-", ".atl", source);
        try
        {
            var outcome = File(path, jit, options);
            return outcome with { Stderr = outcome.Stderr.Replace(path, "test.atl") };
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>An engine compiling on the background compiler thread (what <c>atlas run</c> does): timing decides the tier.</summary>
    public static Func<JitEngine> BackgroundJit(int threshold) =>
        () => new JitEngine(new JitConfig { CompilationThreshold = threshold });

    public static Func<JitEngine> Jit(int threshold = 1) =>
        () => new JitEngine(new JitConfig { Synchronous = true, CompilationThreshold = threshold });
}
