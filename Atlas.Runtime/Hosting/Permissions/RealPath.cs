namespace Atlas.Hosting;

/// <summary>
/// The canonical form of a path for permission checks: absolute, without <c>.</c> or <c>..</c>, with every symbolic
/// link along the way replaced by its target. Unlike a plain canonicalisation it accepts a path whose last parts do not
/// exist yet (a file about to be written): those parts are appended as written.
/// </summary>
internal static class RealPath
{
    /// <summary>Links followed before giving up on a loop (the path is then returned as far as it was resolved).</summary>
    private const int MaxLinks = 40;

    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "";
        var pending = new Stack<string>(full[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries).Reverse());
        string current = root;
        int links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Combine(current, part);
            var target = links < MaxLinks ? LinkTarget(next) : null;
            if (target == null)
            {
                current = next;
                continue;
            }
            // Resolve the link's target from the start again: it may itself contain links and "..".
            links++;
            var absolute = Path.GetFullPath(target, current);
            var targetRoot = Path.GetPathRoot(absolute) ?? root;
            foreach (var p in absolute[targetRoot.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.Push(p);
            current = targetRoot;
        }
        return current;
    }

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    private static string? LinkTarget(string path)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            return info.Exists || info.LinkTarget != null ? info.LinkTarget : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
