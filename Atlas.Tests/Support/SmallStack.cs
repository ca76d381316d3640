using Atlas.Hosting;
using Atlas.Vm;

namespace Atlas.Tests.Support;

/// <summary>
/// Runs code on a thread with a 1 MB stack — the smallest stack a host commonly gives (the Windows main thread,
/// .NET's default for new threads on Windows). A stack overflow there kills the test host: for these tests that is
/// the failure signal, and it means a phase recursed deeper than its limits allow.
/// </summary>
internal static class SmallStack
{
    public const int Bytes = 1024 * 1024;

    public static T Run<T>(Func<T> body)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = body(); }
            catch (Exception e) { error = e; }
        }, Bytes);
        thread.Start();
        thread.Join();
        if (error != null) throw new AssertFailedException($"unexpected {error.GetType().Name}: {error.Message}", error);
        return result;
    }

    /// <summary>Compiles and runs <paramref name="source"/> on a small stack (with the JIT if given): the output, or the first error code.</summary>
    public static string Execute(string source, ITieringHook? tiering = null) => Run(() =>
    {
        var outcome = Pipeline.Compile(source);
        if (!outcome.Success) return outcome.Diagnostics.First(d => d.IsError).Code;
        var output = new StringWriter();
        try
        {
            new Interpreter { Out = output, Tiering = tiering }.Run(outcome.Program!);
            return output.ToString();
        }
        catch (AtlasRuntimeException e)
        {
            return e.Code;
        }
    });
}
