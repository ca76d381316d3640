using System.Text;
using Atlas.Jit;
using Atlas.Repl.Cli;
using Atlas.Repl.Jit;

// stdout is buffered (print-heavy programs would otherwise pay a syscall per line); it is flushed before any
// diagnostic is written and at exit, so no output is lost.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
bool showJitStats = false;
var app = new CliApp(stdout, stderr)
{
    // The JIT is on unless --no-jit; --jit-threshold sets when a function counts as hot.
    TieringFactory = options =>
    {
        showJitStats = options.JitStats;
        return new JitEngine(new JitConfig { CompilationThreshold = options.JitThreshold });
    },
    AfterRun = (hook, err) =>
    {
        if (hook is JitEngine engine && showJitStats) err.Write(engine.Stats.Format());
    },
    JitTreePrinter = proto => new JitEngine().DescribeTree(proto),
    // One engine per REPL session: compiled code, statistics and invalidations span its entries.
    ReplJitFactory = options => new EngineReplJit(new JitEngine(new JitConfig { CompilationThreshold = options.JitThreshold }), options.JitThreshold),
};
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = app.Interrupt();
};
int code = app.Invoke(args);
stdout.Flush();
return code;
