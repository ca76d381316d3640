using System.Collections.Concurrent;

namespace Atlas.Jit.Tiering;

/// <summary>
/// The process's one compiler thread: runs queued work (compilations of every engine, and the JIT's warm-up) off the
/// threads that run programs, newest first. It is a background thread, so it never keeps the process alive; it is
/// shared, so engines that are disposed or collected leave no thread behind; and it is started on first use, so a
/// process that never compiles (hello world) never pays for it. Dedicated rather than pool-based: a compile can take
/// tens of milliseconds when cold, and the thread pool belongs to the host.
/// </summary>
internal static class CompilerThread
{
    /// <summary>
    /// Compiles recurse over expression trees (the translator, FastExpressionCompiler); deep functions need a deep stack.
    /// </summary>
    private const int StackBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Newest first: when programs queue work faster than it compiles, the code that got hot last is the code most likely
    /// still running (a loop whose call has ended gains nothing from its entry); older work runs when the queue drains.
    /// </summary>
    private static readonly BlockingCollection<Action> Work = new(new ConcurrentStack<Action>());
    private static int _started;
    private static Thread? _thread;
    private static long _escaped;

    /// <summary>Runs <paramref name="work"/> on the compiler thread, before whatever posted earlier is still waiting.</summary>
    public static void Post(Action work)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _thread = new Thread(Loop, StackBytes) { IsBackground = true, Name = "Atlas JIT compiler" };
            _thread.Start();
        }
        Work.Add(work);
    }

    /// <summary>True on the compiler thread itself.</summary>
    public static bool IsCurrent => ReferenceEquals(Thread.CurrentThread, _thread);

    /// <summary>Exceptions that escaped a work item (each engine catches its own; this is the last line).</summary>
    public static long Escaped => Interlocked.Read(ref _escaped);

    private static void Loop()
    {
        foreach (var work in Work.GetConsumingEnumerable())
        {
            try
            {
                work();
            }
            catch (Exception)
            {
                // The thread serves every engine in the process: one failing item must not stop the others.
                Interlocked.Increment(ref _escaped);
            }
        }
    }
}
