namespace Atlas.Tests.Fuzz;

/// <summary>
/// Shrink candidates for a failing input (FsCheck shrinking and the campaign minimiser): first drop runs of lines, then
/// runs of characters, halving the run length each round — a lazy delta-debugging sequence.
/// </summary>
public static class TextShrinker
{
    public static IEnumerable<string> Shrink(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length > 1)
        {
            for (int chunk = lines.Length / 2; chunk >= 1; chunk /= 2)
                for (int start = 0; start + chunk <= lines.Length; start += chunk)
                    yield return string.Join('\n', lines.Take(start).Concat(lines.Skip(start + chunk)));
        }
        for (int chunk = text.Length / 2; chunk >= 1; chunk /= 2)
        {
            // Single characters only for short texts: the candidate count is length / chunk per round.
            if (text.Length / chunk > 400) break;
            for (int start = 0; start + chunk <= text.Length; start += chunk)
                yield return string.Concat(text.AsSpan(0, start), text.AsSpan(start + chunk));
        }
    }

    /// <summary>
    /// Greedy minimisation: repeatedly takes the first shrink candidate that still satisfies <paramref name="stillFails"/>,
    /// until none does or <paramref name="budget"/> attempts are used.
    /// </summary>
    public static string Minimize(string text, Func<string, bool> stillFails, int budget = 5000)
    {
        bool progress = true;
        while (progress && budget > 0)
        {
            progress = false;
            foreach (var candidate in Shrink(text))
            {
                if (--budget < 0) break;
                if (!stillFails(candidate)) continue;
                text = candidate;
                progress = true;
                break;
            }
        }
        return text;
    }
}
