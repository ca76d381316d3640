using System.CommandLine;
using Atlas.Bytecode;
using Atlas.Repl.Repl;
using Atlas.Repl.Repl.LineEditing;
using Atlas.Vm;

namespace Atlas.Repl.Cli;

/// <summary>
/// The <c>atlas</c> command line: run, check, disasm, fmt, lsp and repl (also <c>atlas</c> alone), built on
/// System.CommandLine.
/// </summary>
internal sealed class CliApp
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly CancellationTokenSource _interrupt = new();
    // Set while a REPL runs: Ctrl+C goes to its running entry instead of ending the process.
    private Func<bool>? _replInterrupt;

    /// <summary>Creates the JIT hook for a run (null: interpret only).</summary>
    public Func<RunOptions, ITieringHook?>? TieringFactory { get; init; }
    public Action<ITieringHook, TextWriter>? AfterRun { get; init; }
    /// <summary>Prints a prototype's compiled expression tree for <c>disasm --jit</c>.</summary>
    public Func<FunctionProto, GlobalTable, string?>? JitTreePrinter { get; init; }
    /// <summary>Creates the JIT of a REPL session (null: interpret only).</summary>
    public Func<RunOptions, IReplJit?>? ReplJitFactory { get; init; }
    /// <summary>Where the REPL reads entries from instead of the console (tests); always treated as non-interactive.</summary>
    public TextReader? ReplInput { get; init; }
    /// <summary>What <c>atlas fmt -</c> reads instead of the console's stdin (tests).</summary>
    public TextReader? FormatInput { get; init; }

    public CliApp(TextWriter stdout, TextWriter stderr)
    {
        _out = stdout;
        _err = stderr;
    }

    /// <summary>
    /// Called once, when the command starts its work: before it for every command, except that <c>atlas run</c> calls it
    /// once the program's thread has started. The process installs its Ctrl+C handler here.
    /// </summary>
    public Action? Started { get; set; }

    private void NotifyStarted() => Interlocked.Exchange(ref _startedOnce, null)?.Invoke();

    private Action? _startedOnce;

    /// <summary>
    /// Ctrl+C: cancels a running program (it stops with AT0010 and exit code 130) or the REPL's running entry.
    /// Returns false when nothing handles it (a non-interactive REPL waiting for input), so the process may end.
    /// </summary>
    public bool Interrupt()
    {
        if (_replInterrupt is { } repl) return repl();
        _interrupt.Cancel();
        return true;
    }

    public int Invoke(string[] args)
    {
        _startedOnce = Started;
        if (QuickRun(args) is var (path, options)) return Runner().Run(path, options);
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) _err.WriteLine($"error: {e.Message}");
            _err.WriteLine("Run 'atlas --help' for usage.");
            return ExitCodes.Usage;
        }
        NotifyStarted();
        return parse.Invoke(new InvocationConfiguration { Output = _out, Error = _err, ProcessTerminationTimeout = null });
    }

    /// <summary>
    /// The file and options of a command line that is exactly <c>run FILE</c> or <c>run --no-jit FILE</c> (FILE not starting
    /// with <c>-</c> or <c>@</c>, which the parser reads as an option or a response file): what the parser would give, every
    /// other option at its default (CliTests checks they agree). These shapes skip building and parsing the command line,
    /// about 10 ms of a cold process (System.CommandLine's types and generic instantiations), as much as the front end
    /// takes for a small program. Null for every other command line.
    /// </summary>
    internal static (string Path, RunOptions Options)? QuickRun(string[] args) => args switch
    {
        ["run", var file] when IsPlainArgument(file) => (file, new RunOptions()),
        ["run", "--no-jit", var file] when IsPlainArgument(file) => (file, new RunOptions { JitEnabled = false }),
        _ => null,
    };

    private static bool IsPlainArgument(string arg) => arg.Length > 0 && arg[0] is not ('-' or '@');

    /// <summary>
    /// What the command-line parser makes of an <c>atlas run</c> command line (the file and options it would run with), or
    /// null when it is not one or does not parse. For tests of <see cref="QuickRun"/>.
    /// </summary>
    internal (string Path, RunOptions Options)? ParseRun(string[] args)
    {
        (string, RunOptions)? seen = null;
        var parse = Build((path, options) =>
        {
            seen = (path, options);
            return ExitCodes.Success;
        }).Parse(args);
        if (parse.Errors.Count > 0) return null;
        parse.Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null, ProcessTerminationTimeout = null });
        return seen;
    }

    /// <summary>The REPL compiles sooner than <c>run</c>: entries are short, and the point is to try things.</summary>
    public const int ReplDefaultThreshold = 100;

    private int RunRepl(RunOptions options)
    {
        bool interactive = ReplInput == null && !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var jit = ReplJitFactory?.Invoke(options);
        var session = new ReplSession(_out, _err, jit)
        {
            MaxDepth = options.MaxDepth,
            MaxMemoryBytes = options.MaxMemoryMb * 1024L * 1024L,
            JitEnabled = options.JitEnabled,
            Permissions = options.Permissions,
        };
        var commands = new ReplCommands(session, _out, _err);
        IEntryReader reader;
        if (interactive)
        {
            // Output printed by a long-running entry should show up as it happens.
            if (_out is StreamWriter writer) writer.AutoFlush = true;
            _out.WriteLine("Atlas REPL. Type :help for commands, :quit or Ctrl+D to leave.");
            reader = new LineEditor(new ConsoleTerminal(_out), new History(History.DefaultPath()), EntryCompleteness.IsComplete);
        }
        else reader = new PipedEntryReader(ReplInput ?? Console.In);
        _replInterrupt = () => session.Interrupt() || interactive;
        try { new ReplLoop(session, commands, reader).Run(); }
        finally { _replInterrupt = null; }
        _out.Flush();
        return ExitCodes.Success;
    }

    private ProgramRunner Runner() => new(_out, _err)
    {
        TieringFactory = TieringFactory,
        AfterRun = AfterRun,
        Cancellation = _interrupt.Token,
        Started = NotifyStarted,
    };

    /// <summary>The defaults of <c>atlas run</c>'s options: one home, read by the parser and by <see cref="QuickRun"/>.</summary>
    private static readonly RunOptions RunDefaults = new();

    /// <param name="run">What <c>atlas run</c> does with the file and options (the runner; tests capture them).</param>
    private RootCommand Build(Func<string, RunOptions, int>? run = null)
    {
        run ??= (path, options) => Runner().Run(path, options);
        var root = new RootCommand("Atlas: a small statically typed scripting language, with a bytecode VM and a JIT.");

        var runFile = new Argument<string>("file") { Description = "The .atl program to run" };
        var noJit = new Option<bool>("--no-jit") { Description = "Interpret only: never compile functions to .NET code" };
        var threshold = new Option<int>("--jit-threshold")
        {
            Description = "Calls (or loop iterations) after which a function (or loop) is compiled; 1 compiles on the first call, "
                + "on the program's thread",
            DefaultValueFactory = _ => RunDefaults.JitThreshold,
        };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--jit-threshold must be at least 1");
        });
        var jitStats = new Option<bool>("--jit-stats")
        {
            Description = "Print JIT statistics to stderr when the program ends (compilations, the compiler thread's queue, fallbacks)",
        };
        var jitSync = new Option<bool>("--jit-sync")
        {
            Description = "Compile hot functions on the program's thread, which waits for them "
                + "(default: a background compiler thread; the program runs interpreted until the code is installed)",
        };
        var denyRun = new Option<bool>("--deny-warnings") { Description = "Treat warnings as errors: do not run a program that has any" };
        var timeout = new Option<double?>("--timeout") { Description = "Stop the program with AT0009 after this many seconds" };
        var maxDepth = new Option<int>("--max-depth")
        {
            Description = "Maximum call depth before AT0008",
            DefaultValueFactory = _ => RunDefaults.MaxDepth,
        };
        maxDepth.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-depth must be at least 1");
        });
        var maxMemory = new Option<int>("--max-memory")
        {
            Description = "Heap budget in MB; a program that needs more stops with AT0011",
            DefaultValueFactory = _ => RunDefaults.MaxMemoryMb,
        };
        maxMemory.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 16) r.AddError("--max-memory must be at least 16 (MB)");
        });
        var runCommand = new Command("run",
            "Compile and run a program; prints its output and, if not null, the value of its last expression")
        {
            runFile, noJit, threshold, jitStats, jitSync, denyRun, timeout, maxDepth, maxMemory,
        };
        var runPermissions = PermissionOptions.AddTo(runCommand);
        runCommand.SetAction(p => run(p.GetValue(runFile)!, new RunOptions
        {
            JitEnabled = !p.GetValue(noJit),
            JitThreshold = p.GetValue(threshold),
            JitStats = p.GetValue(jitStats),
            JitSync = p.GetValue(jitSync),
            DenyWarnings = p.GetValue(denyRun),
            TimeoutSeconds = p.GetValue(timeout),
            MaxDepth = p.GetValue(maxDepth),
            MaxMemoryMb = p.GetValue(maxMemory),
            Permissions = runPermissions.Read(p),
        }));

        var checkFile = new Argument<string>("file") { Description = "The .atl program to check" };
        var denyCheck = new Option<bool>("--deny-warnings") { Description = "Fail (exit 1) when there are warnings" };
        var check = new Command("check", "Report syntax and type errors and warnings without running") { checkFile, denyCheck };
        check.SetAction(p => Runner().Check(p.GetValue(checkFile)!, new RunOptions { DenyWarnings = p.GetValue(denyCheck) }));

        var disasmFile = new Argument<string>("file") { Description = "The .atl program to disassemble" };
        var disasmJit = new Option<bool>("--jit") { Description = "Also print each function's compiled expression tree" };
        var disasm = new Command("disasm", "Print the bytecode of every function") { disasmFile, disasmJit };
        disasm.SetAction(p => Runner().Disassemble(p.GetValue(disasmFile)!, p.GetValue(disasmJit) ? JitTreePrinter : null));

        var replNoJit = new Option<bool>("--no-jit") { Description = "Interpret only (same as ':jit off')" };
        var replThreshold = new Option<int>("--jit-threshold")
        {
            Description = "Calls after which a function is compiled",
            DefaultValueFactory = _ => ReplDefaultThreshold,
        };
        replThreshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--jit-threshold must be at least 1");
        });
        var repl = new Command("repl", "Start an interactive session (also what 'atlas' alone does); type :help in it")
        {
            replNoJit, replThreshold,
        };
        var replPermissions = PermissionOptions.AddTo(repl);
        repl.SetAction(p => RunRepl(new RunOptions
        {
            JitEnabled = !p.GetValue(replNoJit), JitThreshold = p.GetValue(replThreshold), Permissions = replPermissions.Read(p),
        }));
        root.SetAction(_ => RunRepl(new RunOptions { JitThreshold = ReplDefaultThreshold }));

        var fmtPaths = new Argument<string[]>("paths")
        {
            Description = "Files or folders (every .atl below) to format in place; '-' formats stdin to stdout",
            Arity = ArgumentArity.OneOrMore,
        };
        var fmtCheck = new Option<bool>("--check") { Description = "Change nothing; list the files that would change and exit 1 if any" };
        var fmt = new Command("fmt", "Format Atlas source in the canonical layout (comments kept; files with syntax errors left alone)")
        {
            fmtPaths, fmtCheck,
        };
        fmt.SetAction(p => new FormatRunner(_out, _err, FormatInput ?? Console.In).Run(p.GetValue(fmtPaths)!, p.GetValue(fmtCheck)));

        var lsp = new Command("lsp", "Run the Atlas language server over stdin/stdout (for editors; see docs/editors.md)");
        lsp.SetAction(_ => Lsp.LspHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput()).GetAwaiter().GetResult());

        root.Subcommands.Add(runCommand);
        root.Subcommands.Add(check);
        root.Subcommands.Add(disasm);
        root.Subcommands.Add(repl);
        root.Subcommands.Add(fmt);
        root.Subcommands.Add(lsp);
        return root;
    }
}
