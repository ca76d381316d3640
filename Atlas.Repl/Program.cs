using System.Text;
using Atlas.Repl.Cli;

// First: the JIT's warm-up needs all the head start it can get (it runs on the compiler thread while this one starts).
WarmUpGate.Start(args);

// stdout is buffered (print-heavy programs would otherwise pay a syscall per line); it is flushed before any
// diagnostic is written and at exit, so no output is lost.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
var app = JitWiring.CreateApp(stdout, stderr);
// Ctrl+C is taken over once the command starts its work (for `atlas run`, right after the program's thread has started):
// registering it starts the runtime's signal handling, about 4 ms in a cold process, which then overlaps the program.
app.Started = () => Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = app.Interrupt();
};
int code = app.Invoke(args);
stdout.Flush();
return code;
