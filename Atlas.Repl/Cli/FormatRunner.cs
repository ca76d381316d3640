using Atlas.Diagnostics;
using Atlas.Formatting;

namespace Atlas.Repl.Cli;

/// <summary>
/// <c>atlas fmt</c>: formats files in place (folders: every <c>.atl</c> below), or with <c>--check</c> only lists the
/// files that would change; <c>-</c> reads stdin and writes stdout. A file with syntax errors is left untouched and its
/// errors are reported. Exit 0 when all is well, 1 when a file has errors or (with <c>--check</c>) would change.
/// </summary>
internal sealed class FormatRunner(TextWriter stdout, TextWriter stderr, TextReader stdin)
{
    public const string StdinPath = "-";

    public int Run(IReadOnlyList<string> paths, bool check)
    {
        // Every path is checked before any file is touched: a typo in the last one must not leave half a job done.
        var expanded = new List<IReadOnlyList<string>>();
        foreach (var path in paths)
        {
            if (path == StdinPath) expanded.Add([StdinPath]);
            else if (TryExpand(path, out var files)) expanded.Add(files);
            else return ExitCodes.Usage;
        }
        var failed = false;
        foreach (var file in expanded.SelectMany(f => f))
            failed |= !(file == StdinPath ? FormatStdin(check) : FormatFile(file, check));
        stdout.Flush();
        return failed ? ExitCodes.ProgramFailed : ExitCodes.Success;
    }

    private bool TryExpand(string path, out IReadOnlyList<string> files)
    {
        files = [];
        if (File.Exists(path))
        {
            files = [path];
            return true;
        }
        if (Directory.Exists(path))
        {
            files = Directory.EnumerateFiles(path, "*.atl", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
            return true;
        }
        stderr.WriteLine($"error: cannot read '{path}': no such file or folder");
        return false;
    }

    private bool FormatStdin(bool check)
    {
        var source = stdin.ReadToEnd();
        var result = Formatter.Format(source);
        if (!Report(result, source, "<stdin>")) return false;
        if (check)
        {
            if (result.Changed) stdout.WriteLine("<stdin>");
            return !result.Changed;
        }
        stdout.Write(result.Text);
        return true;
    }

    private bool FormatFile(string path, bool check)
    {
        string source;
        try { source = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot read '{path}': {e.Message}");
            return false;
        }
        var result = Formatter.Format(source);
        if (!Report(result, source, path)) return false;
        if (!result.Changed) return true;
        if (check)
        {
            stdout.WriteLine(path);
            return false;
        }
        try { File.WriteAllText(path, result.Text); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write '{path}': {e.Message}");
            return false;
        }
        return true;
    }

    /// <summary>Prints the errors that kept a file from being formatted; false when there were any.</summary>
    private bool Report(FormatResult result, string source, string path)
    {
        if (result.Success) return true;
        stdout.Flush();
        var renderer = new DiagnosticRenderer(new SourceText(source), path);
        foreach (var d in result.Errors) stderr.Write(renderer.Render(d));
        if (result.InternalError is { } bug) stderr.WriteLine($"{path}: {bug}");
        return false;
    }
}
