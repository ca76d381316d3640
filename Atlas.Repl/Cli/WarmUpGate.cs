using Atlas.Jit;

namespace Atlas.Repl.Cli;

/// <summary>
/// Starts the JIT warm-up a command line calls for, first thing in the process (docs/jit.md, "Start-up warm-up"). The
/// REPL warms everything up at once. <c>atlas run</c> warms up the first compile only when the program can have something
/// to compile — a function or a loop; hello world has neither and must not pay for a warm-up — and decides that on the
/// compiler thread, so the program's thread does not read the file twice: the warm-up has to start before the CLI and the
/// front-end have run (fib gets hot about 2 ms after its check ends, and a warm-up takes 30–60 ms).
/// </summary>
internal static class WarmUpGate
{
    /// <summary>
    /// The words a program cannot compile anything without: a function (named or not), the two loops, and an import (the
    /// modules it brings in are not read here).
    /// </summary>
    private static readonly string[] CompilableWords = ["fn", "for", "while", "import"];

    /// <summary>A program this large is not read to decide: it is sure to have something to compile.</summary>
    private const long ScanLimitBytes = 1 << 20;

    /// <summary>Starts the warm-up <paramref name="args"/> call for (none with <c>--no-jit</c>); returns at once.</summary>
    public static void Start(string[] args)
    {
        if (args.Contains("--no-jit")) return;
        if (args is [] or ["repl", ..]) JitWarmUp.Start();
        else if (args is ["run", ..]) JitWarmUp.StartFirstCompile(() => ProgramMayCompile(args));
    }

    /// <summary>
    /// Whether the program of an <c>atlas run</c> command line may compile anything: any existing file among the arguments
    /// that are not options (the CLI parses later; an option's value that names a file only costs a warm-up) has a
    /// <see cref="CompilableWords">compilable word</see> or is over <see cref="ScanLimitBytes"/>.
    /// </summary>
    internal static bool ProgramMayCompile(string[] args)
    {
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith('-')) continue;
            try
            {
                var file = new FileInfo(args[i]);
                if (file.Exists && (file.Length > ScanLimitBytes || MayCompile(File.ReadAllText(file.FullName)))) return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // The run reports an unreadable file itself; there is nothing to warm up for.
            }
        }
        return false;
    }

    /// <summary>
    /// True when <paramref name="source"/> has one of the <see cref="CompilableWords"/> as a whole word. A plain scan, not the
    /// lexer (whose own cold start would cost the warm-up several milliseconds): a word in a comment or a string is a false
    /// positive, which only costs a warm-up.
    /// </summary>
    internal static bool MayCompile(string source)
    {
        for (int i = 0; i < source.Length; i++)
        {
            if (!IsWordChar(source[i])) continue;
            int start = i;
            while (i < source.Length && IsWordChar(source[i])) i++;
            var word = source.AsSpan(start, i - start);
            foreach (var compilable in CompilableWords)
                if (word.SequenceEqual(compilable)) return true;
        }
        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
