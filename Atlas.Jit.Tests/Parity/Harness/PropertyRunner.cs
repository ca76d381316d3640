using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using TestResult = FsCheck.TestResult;

namespace Atlas.Jit.Tests.TierParity.Harness;

/// <summary>
/// Runs a parity property with FsCheck under the settings of docs/testing.md: <c>ATLAS_FSCHECK_RUNS</c> sets the
/// number of cases, <c>ATLAS_FSCHECK_SEED</c> replays a run (<c>seed,gamma</c>) or one failing case
/// (<c>seed,gamma,size</c>, as printed on failure). A failure reports the replay settings, the shrunk case (its
/// program text or disassembly) and both tiers' results.
/// </summary>
public static class PropertyRunner
{
    public const string RunsVariable = "ATLAS_FSCHECK_RUNS";
    public const string SeedVariable = "ATLAS_FSCHECK_SEED";

    /// <summary>Cases per property: <see cref="RunsVariable"/>, else <paramref name="defaultRuns"/>.</summary>
    public static int Runs(int defaultRuns)
    {
        var text = Environment.GetEnvironmentVariable(RunsVariable);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : defaultRuns;
    }

    /// <summary>Checks <paramref name="property"/> (which throws to fail) on cases of <paramref name="arbitrary"/>.</summary>
    public static void Check<T>(string name, Arbitrary<T> arbitrary, Action<T> property, int defaultRuns = 1000)
    {
        var (rnd, size, replayOne) = Seed();
        int runs = replayOne && Environment.GetEnvironmentVariable(RunsVariable) == null ? 1 : Runs(defaultRuns);
        var runner = new CapturingRunner();
        var config = Config.Quick
            .WithName(name)
            .WithMaxTest(runs)
            .WithRunner(runner)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(rnd, size)));
        FsCheck.Check.One(config, Prop.ForAll(WithShrinkBudget(arbitrary), property));
        switch (runner.Result)
        {
            case TestResult.Failed failed:
            {
                // The replay settings come first and again last: a CI log that keeps only one end still has them.
                string replay =
                    $"Replay this case:  {SeedVariable}={failed.Item6.Seed},{failed.Item6.Gamma},{failed.Item7}\n" +
                    $"Replay the run:    {SeedVariable}={rnd.Seed},{rnd.Gamma} {RunsVariable}={runs}\n";
                throw new AssertFailedException($"{name} failed.\n{replay}{Runner.onFinishedToString(name, failed)}\n{replay}");
            }
            case TestResult.Exhausted exhausted:
                throw new AssertFailedException(Runner.onFinishedToString(name, exhausted));
            case null:
                throw new AssertFailedException($"{name}: FsCheck reported no result");
        }
        Console.WriteLine($"{name}: {runs} cases passed ({SeedVariable}={rnd.Seed},{rnd.Gamma})");
    }

    /// <summary>How long shrinking a counterexample may take before the smallest case found so far is reported.</summary>
    public static readonly TimeSpan ShrinkBudget = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Each shrink step runs both tiers on a candidate (up to the runner's timeout each), so shrinking a large failing
    /// program can take longer than a CI job; after <see cref="ShrinkBudget"/> no more candidates are offered and FsCheck
    /// reports the smallest failing case so far.
    /// </summary>
    internal static Arbitrary<T> WithShrinkBudget<T>(Arbitrary<T> arbitrary, TimeSpan? budget = null)
    {
        var limit = budget ?? ShrinkBudget;
        System.Diagnostics.Stopwatch? clock = null;
        IEnumerable<T> Shrink(T value)
        {
            clock ??= System.Diagnostics.Stopwatch.StartNew();
            foreach (var candidate in arbitrary.Shrinker(value))
            {
                if (clock.Elapsed > limit) yield break;
                yield return candidate;
            }
        }
        return Arb.From(arbitrary.Generator, Shrink);
    }

    private static (Rnd Rnd, FSharpOption<int> Size, bool ReplayOne) Seed()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text)) return (new Rnd((ulong)Random.Shared.NextInt64()), FSharpOption<int>.None, false);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        ulong Part(int i) => ulong.Parse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture);
        return parts.Length switch
        {
            1 => (new Rnd(Part(0)), FSharpOption<int>.None, false),
            2 => (new Rnd(Part(0), Part(1)), FSharpOption<int>.None, false),
            3 => (new Rnd(Part(0), Part(1)), FSharpOption<int>.Some(int.Parse(parts[2], CultureInfo.InvariantCulture)), true),
            _ => throw new FormatException($"{SeedVariable} must be 'seed', 'seed,gamma' or 'seed,gamma,size', not '{text}'"),
        };
    }

    /// <summary>Keeps FsCheck's verdict instead of printing it, so the test can fail with a complete report.</summary>
    private sealed class CapturingRunner : IRunner
    {
        public TestResult? Result { get; private set; }
        public void OnStartFixture(Type t) { }
        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every) { }
        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink) { }
        public void OnFinished(string name, TestResult result) => Result = result;
    }
}
