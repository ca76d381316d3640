using System.Globalization;
using Atlas.Bytecode;

namespace Atlas.Repl.Repl;

/// <summary>The REPL's <c>:</c> commands (repl.md "Commands"). Results go to stdout, mistakes to stderr.</summary>
internal sealed class ReplCommands(ReplSession session, TextWriter stdout, TextWriter stderr)
{
    /// <summary>The help text, one command per line.</summary>
    public const string HelpText =
        """
        Enter Atlas code: declarations persist, an expression's value is echoed with its type.
        An entry continues on the next line while a bracket, string or comment is open.
          :help              this list
          :quit              leave (also Ctrl+D on an empty prompt)
          :reset             forget all definitions
          :load FILE         run a file's top level into the session
          :type EXPR         show the static type of EXPR without running it
          :disasm NAME       bytecode of function NAME (and its compiled form if the JIT compiled it)
          :jit               JIT statistics
          :jit on|off        compile hot functions, or interpret only
          :jit threshold N   compile a function after N calls
        Ctrl+C interrupts running code or discards the entry being typed.
        """;

    /// <summary>Runs one command line; returns false when the session should end.</summary>
    public bool Execute(string line)
    {
        var text = line.Trim();
        int space = text.IndexOfAny([' ', '\t']);
        string name = space < 0 ? text : text[..space];
        string arg = space < 0 ? "" : text[(space + 1)..].Trim();
        switch (name)
        {
            case ":help" or ":h" or ":?": stdout.WriteLine(HelpText); break;
            case ":quit" or ":q" or ":exit": return false;
            case ":reset":
                session.Reset();
                stdout.WriteLine("Session reset: all definitions forgotten.");
                break;
            case ":load": Load(arg); break;
            case ":type": TypeOf(arg); break;
            case ":disasm": Disassemble(arg); break;
            case ":jit": JitCommand(arg); break;
            default: Error($"unknown command '{name}'; type :help for the list of commands"); break;
        }
        stdout.Flush();
        return true;
    }

    private void Load(string path)
    {
        if (path.Length == 0)
        {
            Error("usage: :load FILE");
            return;
        }
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error($"cannot read '{path}': {e.Message}");
            return;
        }
        session.Load(path, text);
    }

    private void TypeOf(string expression)
    {
        if (expression.Length == 0)
        {
            Error("usage: :type EXPR");
            return;
        }
        if (session.TypeOf(expression) is { } type) stdout.WriteLine(type.Display);
    }

    private void Disassemble(string name)
    {
        if (name.Length == 0)
        {
            Error("usage: :disasm NAME");
            return;
        }
        if (session.FunctionNamed(name) is not { } proto)
        {
            Error($"'{name}' is not a function defined in this session");
            return;
        }
        stdout.Write(Disassembler.Disassemble(proto, session.Globals));
        if (session.Jit?.Describe(proto) is { } compiled)
        {
            stdout.WriteLine("-- compiled tree --");
            stdout.WriteLine(compiled);
        }
    }

    private void JitCommand(string arg)
    {
        if (session.Jit is not { } jit)
        {
            Error("the JIT is not available in this build");
            return;
        }
        var words = arg.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case []:
                stdout.WriteLine($"JIT {(session.JitEnabled ? "on" : "off")}, threshold {jit.Threshold}");
                stdout.WriteLine(jit.Stats().TrimEnd());
                break;
            case ["on"]:
                session.JitEnabled = true;
                stdout.WriteLine($"JIT on (threshold {jit.Threshold})");
                break;
            case ["off"]:
                session.JitEnabled = false;
                stdout.WriteLine("JIT off: interpreting only");
                break;
            case ["threshold", var n] when int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int threshold) && threshold >= 1:
                jit.Threshold = threshold;
                stdout.WriteLine($"JIT threshold {threshold}");
                break;
            default:
                Error("usage: :jit | :jit on | :jit off | :jit threshold N (N >= 1)");
                break;
        }
    }

    private void Error(string message)
    {
        stdout.Flush();
        stderr.WriteLine($"error: {message}");
    }
}
