using System.CommandLine;
using Atlas.Bytecode;
using Atlas.Vm;

namespace Atlas.Repl.Cli;

/// <summary>The <c>atlas</c> command line: run, check, disasm (and repl), built on System.CommandLine.</summary>
public sealed class CliApp
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly CancellationTokenSource _interrupt = new();

    /// <summary>Creates the JIT hook for a run (null: interpret only).</summary>
    public Func<RunOptions, ITieringHook?>? TieringFactory { get; init; }
    public Action<ITieringHook, TextWriter>? AfterRun { get; init; }
    /// <summary>Prints a prototype's compiled expression tree for <c>disasm --jit</c>.</summary>
    public Func<FunctionProto, string?>? JitTreePrinter { get; init; }

    public CliApp(TextWriter stdout, TextWriter stderr)
    {
        _out = stdout;
        _err = stderr;
    }

    /// <summary>Cancels a running program (Ctrl+C): it stops with AT0010 and exit code 130.</summary>
    public void Interrupt() => _interrupt.Cancel();

    public int Invoke(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) _err.WriteLine($"error: {e.Message}");
            _err.WriteLine("Run 'atlas --help' for usage.");
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = _out, Error = _err, ProcessTerminationTimeout = null });
    }

    private ProgramRunner Runner() => new(_out, _err)
    {
        TieringFactory = TieringFactory,
        AfterRun = AfterRun,
        Cancellation = _interrupt.Token,
    };

    private RootCommand Build()
    {
        var root = new RootCommand("Atlas: a small statically typed scripting language, with a bytecode VM and a JIT.");

        var runFile = new Argument<string>("file") { Description = "The .atl program to run" };
        var noJit = new Option<bool>("--no-jit") { Description = "Interpret only: never compile functions to .NET code" };
        var threshold = new Option<int>("--jit-threshold")
        {
            Description = "Calls after which a function is compiled (1 compiles on the first call)",
            DefaultValueFactory = _ => 1000,
        };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--jit-threshold must be at least 1");
        });
        var jitStats = new Option<bool>("--jit-stats") { Description = "Print JIT statistics to stderr when the program ends" };
        var denyRun = new Option<bool>("--deny-warnings") { Description = "Treat warnings as errors: do not run a program that has any" };
        var timeout = new Option<double?>("--timeout") { Description = "Stop the program with AT0009 after this many seconds" };
        var maxDepth = new Option<int>("--max-depth")
        {
            Description = "Maximum call depth before AT0008",
            DefaultValueFactory = _ => Interpreter.DefaultMaxDepth,
        };
        maxDepth.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-depth must be at least 1");
        });
        var run = new Command("run", "Compile and run a program; prints its output and, if not null, the value of its last expression")
        {
            runFile, noJit, threshold, jitStats, denyRun, timeout, maxDepth,
        };
        run.SetAction(p => Runner().Run(p.GetValue(runFile)!, new RunOptions
        {
            JitEnabled = !p.GetValue(noJit),
            JitThreshold = p.GetValue(threshold),
            JitStats = p.GetValue(jitStats),
            DenyWarnings = p.GetValue(denyRun),
            TimeoutSeconds = p.GetValue(timeout),
            MaxDepth = p.GetValue(maxDepth),
        }));

        var checkFile = new Argument<string>("file") { Description = "The .atl program to check" };
        var denyCheck = new Option<bool>("--deny-warnings") { Description = "Fail (exit 1) when there are warnings" };
        var check = new Command("check", "Report syntax and type errors and warnings without running") { checkFile, denyCheck };
        check.SetAction(p => Runner().Check(p.GetValue(checkFile)!, new RunOptions { DenyWarnings = p.GetValue(denyCheck) }));

        var disasmFile = new Argument<string>("file") { Description = "The .atl program to disassemble" };
        var disasmJit = new Option<bool>("--jit") { Description = "Also print each function's compiled expression tree" };
        var disasm = new Command("disasm", "Print the bytecode of every function") { disasmFile, disasmJit };
        disasm.SetAction(p => Runner().Disassemble(p.GetValue(disasmFile)!, p.GetValue(disasmJit) ? JitTreePrinter : null));

        root.Subcommands.Add(run);
        root.Subcommands.Add(check);
        root.Subcommands.Add(disasm);
        return root;
    }
}
