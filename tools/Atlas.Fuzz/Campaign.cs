using System.Diagnostics;
using Atlas.Tests.Fuzz;

namespace Atlas.Fuzz;

/// <summary>
/// Runs N inputs of one or all generators through <see cref="FuzzHarness"/>, counting outcomes; each new bug
/// (by signature) is minimised and written to the output folder. Input i of generator g is a pure function of
/// (g, seed, i), so any input can be replayed with <c>--replay g:seed:i</c>.
/// </summary>
public static class Campaign
{
    public static int Execute(string[] args)
    {
        var options = CampaignOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: Atlas.Fuzz [--gen text|tokens|mutate|program|all] [--runs N] [--seed S] [--start I] [--out DIR] [--stack-mb M] [--timeout-ms T] [--jit] [--verbose]");
            Console.Error.WriteLine("       Atlas.Fuzz --replay GEN:SEED:INDEX      prints that input and its outcome");
            Console.Error.WriteLine("       Atlas.Fuzz --file PATH [--file PATH…]   the outcome of each file");
            return 2;
        }
        var harness = new FuzzHarness(new FuzzSettings { Timeout = TimeSpan.FromMilliseconds(options.TimeoutMs), Jit = options.Jit })
        {
            StackBytes = options.StackMegabytes * 1024 * 1024,
        };
        if (options.Replay is { } replay)
        {
            var source = FuzzGenerators.Sample(replay.Generator, replay.Seed, replay.Index);
            Console.WriteLine(source);
            Console.WriteLine("=> " + harness.Run(source));
            return 0;
        }
        foreach (var file in options.Files)
            Console.WriteLine($"{file}: {harness.Run(File.ReadAllText(file)).Detail.Split('\n')[0]}");
        return options.Files.Count > 0 ? 0 : Run(options, harness);
    }

    private static int Run(CampaignOptions options, FuzzHarness harness)
    {
        Directory.CreateDirectory(options.OutDir);
        var generators = options.Generator == "all" ? FuzzGenerators.ByName.Keys.ToArray() : [options.Generator];
        var counts = generators.ToDictionary(g => g, _ => new Dictionary<FuzzOutcome, long>());
        var seen = new HashSet<string>();
        var codes = new Dictionary<string, long>();
        // The slowest input of each generator: a performance cliff short of a hang shows up here.
        var slowest = new Dictionary<string, (TimeSpan Time, long Index, string Outcome)>();
        var clock = Stopwatch.StartNew();
        var current = Path.Combine(options.OutDir, "current.txt");
        int bugs = 0;
        for (long i = options.Start; i < options.Start + options.Runs; i++)
        {
            var generator = generators[i % generators.Length];
            var source = FuzzGenerators.Sample(generator, options.Seed, i);
            // If the process dies (an uncatchable stack overflow), this names the input that killed it.
            File.WriteAllText(current, $"{generator}:{options.Seed}:{i}\n");
            long started = Stopwatch.GetTimestamp();
            var result = harness.Run(source);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (!slowest.TryGetValue(generator, out var slow) || elapsed > slow.Time) slowest[generator] = (elapsed, i, result.Signature);
            var perGenerator = counts[generator];
            perGenerator[result.Outcome] = perGenerator.GetValueOrDefault(result.Outcome) + 1;
            if (!result.IsBug) codes[$"{generator}/{result.Signature}"] = codes.GetValueOrDefault($"{generator}/{result.Signature}") + 1;
            if (options.Verbose && result.Outcome != FuzzOutcome.Ok) Console.WriteLine($"{generator}:{options.Seed}:{i} {result.Detail.Replace('\n', ' ')}");
            if (result.IsBug && seen.Add(result.Signature))
            {
                bugs++;
                Report(options, harness, generator, i, source, result);
            }
            if ((i + 1 - options.Start) % 10_000 == 0) Progress(counts, i + 1 - options.Start, clock.Elapsed);
        }
        Progress(counts, options.Runs, clock.Elapsed);
        Console.WriteLine("codes: " + string.Join(" ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key}={c.Value}")));
        foreach (var (generator, slow) in slowest)
            Console.WriteLine($"slowest {generator}: {generator}:{options.Seed}:{slow.Index} {slow.Time.TotalSeconds:0.00}s ({slow.Outcome})");
        return bugs == 0 ? 0 : 1;
    }

    private static void Report(CampaignOptions options, FuzzHarness harness, string generator, long index, string source, FuzzResult result)
    {
        Console.WriteLine($"BUG {generator}:{options.Seed}:{index}: {result.Signature}");
        // Bounded in time too: shrinking a hang costs the hard timeout per attempt.
        var clock = Stopwatch.StartNew();
        var minimal = TextShrinker.Minimize(source, s => clock.Elapsed < TimeSpan.FromMinutes(3) && harness.Run(s).Signature == result.Signature, budget: 3000);
        var name = $"{generator}-{options.Seed}-{index}";
        WriteInput(Path.Combine(options.OutDir, name + ".atl"), source);
        WriteInput(Path.Combine(options.OutDir, name + ".min.atl"), minimal);
        File.WriteAllText(Path.Combine(options.OutDir, name + ".txt"), result.Detail);
        Console.WriteLine($"    minimised to {minimal.Length} chars: {Path.Combine(options.OutDir, name + ".min.atl")}");
    }

    /// <summary>
    /// Writes an input as UTF-8. Lone surrogates have no UTF-8 form, so an input with any is also written with them as
    /// <c>\uXXXX</c> escapes under a <c>// fuzz: unescape</c> line, the form FuzzCorpus/ accepts.
    /// </summary>
    private static void WriteInput(string path, string text)
    {
        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        File.WriteAllText(path, text, utf8);
        var escaped = FuzzCorpusText.EscapeLoneSurrogates(text);
        if (escaped != text) File.WriteAllText(Path.ChangeExtension(path, ".escaped.atl"), FuzzCorpusText.UnescapeDirective + "\n" + escaped, utf8);
    }

    private static void Progress(Dictionary<string, Dictionary<FuzzOutcome, long>> counts, long done, TimeSpan elapsed)
    {
        var parts = counts.Select(g => $"{g.Key}[{string.Join(" ", g.Value.OrderBy(o => o.Key).Select(o => $"{o.Key}={o.Value}"))}]");
        Console.WriteLine($"{done} inputs in {elapsed.TotalSeconds:0}s: {string.Join(" ", parts)}");
    }
}
