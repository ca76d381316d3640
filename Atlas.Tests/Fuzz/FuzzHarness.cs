namespace Atlas.Tests.Fuzz;

/// <summary>
/// Runs fuzz inputs through the whole pipeline (<see cref="FuzzPipeline"/>) on a dedicated worker thread with a large
/// stack, under a hard wall-clock cap. A worker that does not answer in time is abandoned (and cancelled, which stops
/// the VM) and the input is reported as a hang; the next input gets a fresh worker. Never throws for any input.
/// </summary>
public sealed class FuzzHarness
{
    /// <summary>Stack of the worker thread: deep but bounded recursion in the front end must not kill the test host.</summary>
    public const int DefaultStackBytes = 256 * 1024 * 1024;

    [ThreadStatic] private static FuzzHarness? t_default;

    private readonly object _gate = new();
    private Worker? _worker;

    public FuzzSettings Settings { get; }
    /// <summary>Wall-clock cap for one input (front end and run); beyond it the input is a hang.</summary>
    public TimeSpan HardTimeout { get; init; } = TimeSpan.FromSeconds(20);
    public int StackBytes { get; init; } = DefaultStackBytes;

    public FuzzHarness(FuzzSettings? settings = null) => Settings = settings ?? new FuzzSettings();

    /// <summary>Runs one input with the default settings on this thread's harness.</summary>
    public static FuzzResult RunOne(string source) => (t_default ??= new FuzzHarness()).Run(source);

    public FuzzResult Run(string source)
    {
        lock (_gate)
        {
            var worker = _worker ??= new Worker(this);
            var result = worker.Run(source, HardTimeout);
            if (result is null)
            {
                // The phase it hung in, read before the cancellation below moves it on (to rendering the cancellation's
                // error): reading it after made the report name that phase when the worker reacted quickly.
                string phase = worker.Phase;
                // The abandoned thread is a background thread; cancellation stops it if it is inside the VM.
                worker.Abandon();
                _worker = null;
                return new FuzzResult(FuzzOutcome.Bug, $"hang: no result after {HardTimeout.TotalSeconds:0.#} s (phase {phase})");
            }
            return result;
        }
    }

    /// <summary>One long-lived thread that runs inputs handed to it one at a time.</summary>
    private sealed class Worker
    {
        private readonly FuzzHarness _owner;
        private readonly AutoResetEvent _jobReady = new(false);
        private readonly AutoResetEvent _done = new(false);
        private readonly CancellationTokenSource _cancel = new();
        private string? _job;
        private FuzzResult? _result;
        private volatile bool _abandoned;
        private readonly PhaseTracker _phase = new();

        public Worker(FuzzHarness owner)
        {
            _owner = owner;
            var thread = new Thread(Loop, owner.StackBytes) { IsBackground = true, Name = "atlas-fuzz-worker" };
            thread.Start();
        }

        public string Phase => _phase.Current;

        public FuzzResult? Run(string source, TimeSpan hardTimeout)
        {
            _job = source;
            _result = null;
            _jobReady.Set();
            return _done.WaitOne(hardTimeout) ? _result : null;
        }

        public void Abandon()
        {
            _abandoned = true;
            _cancel.Cancel();
            _jobReady.Set();
        }

        private void Loop()
        {
            while (true)
            {
                _jobReady.WaitOne();
                if (_abandoned) return;
                var result = FuzzPipeline.Execute(_job!, _owner.Settings, _cancel.Token, _phase);
                if (_abandoned) return;
                _result = result;
                _done.Set();
            }
        }
    }
}
