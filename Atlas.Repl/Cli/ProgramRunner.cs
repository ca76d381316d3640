using Atlas.Bytecode;
using Atlas.Diagnostics;
using Atlas.Hosting;
using Atlas.Modules;
using Atlas.Vm;

namespace Atlas.Repl.Cli;

/// <summary>
/// What <c>atlas run</c>, <c>check</c> and <c>disasm</c> do, with the output streams passed in so tests can drive it.
/// Diagnostics go to <paramref name="stderr"/>, program output to <paramref name="stdout"/>.
/// </summary>
internal sealed class ProgramRunner(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Stack size of the thread that runs scripts: deep Atlas recursion in compiled code recurses on the .NET stack.</summary>
    public const int ScriptThreadStackBytes = ScriptSession.ScriptThreadStackBytes;

    /// <summary>Hook for the JIT; set by Program (Atlas.Runtime must not depend on Atlas.Jit).</summary>
    public Func<RunOptions, ITieringHook?>? TieringFactory { get; init; }
    /// <summary>Called after a run with the hook, e.g. to print JIT statistics.</summary>
    public Action<ITieringHook, TextWriter>? AfterRun { get; init; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>Called on this thread once the program's thread has started (<see cref="CliApp.Started"/>).</summary>
    public Action? Started { get; init; }

    public int Run(string path, RunOptions options)
    {
        if (Build(path) is not { } build) return ExitCodes.Usage;
        if (!build.Success || (options.DenyWarnings && build.HasWarnings)) return ExitCodes.ProgramFailed;

        var tiering = options.JitEnabled ? TieringFactory?.Invoke(options) : null;
        var vm = new Interpreter
        {
            Out = stdout,
            Tiering = tiering,
            MaxDepth = options.MaxDepth,
            // It runs on the thread below, from its base: compiled calls to small frames need no headroom test up to here.
            StackRoomDepth = Interpreter.StackRoomFor(ScriptThreadStackBytes),
            Limits = new ExecutionLimits
            {
                Timeout = options.TimeoutSeconds is { } t ? TimeSpan.FromSeconds(t) : null,
                Cancellation = Cancellation,
                MaxMemoryBytes = options.MaxMemoryMb * 1024L * 1024L,
                Permissions = options.Permissions,
            },
        };
        int exit = ExitCodes.Success;
        Exception? crash = null;
        var thread = new Thread(() =>
        {
            try
            {
                // Modules run once each, imported ones first; the completion value is the entry's.
                var result = Value.Null;
                foreach (var module in build.Modules) result = vm.Run(module.Program);
                if (!result.IsNull && result.Kind != ValueKind.Undefined) stdout.WriteLine(ValueFormatter.Display(result));
            }
            catch (AtlasRuntimeException e)
            {
                stdout.Flush();
                stderr.Write(ModuleRendering.Render(build, build.Entry, e));
                exit = e.Kind == RuntimeErrorKind.Cancelled ? ExitCodes.Interrupted : ExitCodes.ProgramFailed;
            }
            catch (Exception e)
            {
                crash = e;
            }
        }, ScriptThreadStackBytes);
        thread.Start();
        Started?.Invoke();
        thread.Join();
        stdout.Flush();
        if (tiering != null) AfterRun?.Invoke(tiering, stderr);
        if (crash != null)
        {
            stderr.WriteLine($"{path}: internal error: {crash.GetType().Name}: {crash.Message}");
            stderr.WriteLine("This is a bug in Atlas; please report it with the program that caused it.");
            return ExitCodes.ProgramFailed;
        }
        return exit;
    }

    public int Check(string path, RunOptions options)
    {
        if (Build(path) is not { } build) return ExitCodes.Usage;
        if (!build.Success || (options.DenyWarnings && build.HasWarnings)) return ExitCodes.ProgramFailed;
        return ExitCodes.Success;
    }

    public int Disassemble(string path, Func<FunctionProto, GlobalTable, string?>? jitTree = null)
    {
        if (Build(path) is not { } build) return ExitCodes.Usage;
        if (!build.Success) return ExitCodes.ProgramFailed;
        foreach (var module in build.Modules)
        {
            if (build.Modules.Count > 1) stdout.WriteLine($"== module {module.Source.DisplayPath} ==");
            Disassemble(module.Program, jitTree);
        }
        return ExitCodes.Success;
    }

    private void Disassemble(CompiledProgram program, Func<FunctionProto, GlobalTable, string?>? jitTree)
    {
        foreach (var proto in program.Functions)
        {
            stdout.Write(Disassembler.Disassemble(proto, program.Globals));
            if (jitTree?.Invoke(proto, program.Globals) is { } tree)
            {
                stdout.WriteLine("-- compiled tree --");
                stdout.WriteLine(tree);
            }
            stdout.WriteLine();
        }
    }

    /// <summary>
    /// Reads <paramref name="path"/> and compiles it with every module it imports, printing the diagnostics; null when the
    /// file cannot be read (a usage error).
    /// </summary>
    private ModuleBuild? Build(string path)
    {
        if (!TryRead(path, out var source)) return null;
        var entry = new ModuleSource(Path.GetFullPath(path), path, source);
        var build = ModuleBuild.Compile(entry, FileModuleResolver.Unrestricted);
        foreach (var d in build.Diagnostics) stderr.Write(ModuleRendering.Render(d));
        return build;
    }

    private bool TryRead(string path, out string source)
    {
        source = "";
        try
        {
            source = File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"error: cannot read '{path}': {e.Message}");
            return false;
        }
    }
}
