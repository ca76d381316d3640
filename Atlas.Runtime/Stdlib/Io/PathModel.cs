namespace Atlas.Stdlib.Io;

/// <summary>
/// A path split into components the way Rust's <c>std::path</c> does on Unix, which the reference's path builtins are
/// written against: an optional root, then the parts, with empty parts and inner <c>.</c> dropped (a leading <c>.</c>
/// stays). Backslashes also separate on Windows.
/// </summary>
internal sealed record PathModel(bool Rooted, List<string> Parts)
{
    public static char Separator => Path.DirectorySeparatorChar;

    private static readonly char[] Separators = OperatingSystem.IsWindows() ? ['/', '\\'] : ['/'];

    public static PathModel Parse(string path)
    {
        bool rooted = path.Length > 0 && Separators.Contains(path[0]);
        var raw = path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var parts = raw.Where((p, i) => p != "." || (i == 0 && !rooted)).ToList();
        return new PathModel(rooted, parts);
    }

    public bool IsAbsolute => Rooted;

    public override string ToString() => (Rooted ? Separator.ToString() : "") + string.Join(Separator, Parts);

    /// <summary>The last part when it is a name (not <c>.</c> or <c>..</c>), like <c>Path::file_name</c>.</summary>
    public string? FileName => Parts.Count > 0 && Parts[^1] is not ("." or "..") ? Parts[^1] : null;

    /// <summary>Everything but the last part (<c>Path::parent</c>); null for a bare root or an empty path.</summary>
    public PathModel? Parent => Parts.Count == 0 ? null : this with { Parts = Parts[..^1] };

    /// <summary>The text after the last dot of the file name, unless the name starts with its only dot (<c>.bashrc</c>).</summary>
    public string? Extension => SplitName()?.Extension;

    /// <summary>The file name without its extension.</summary>
    public string? Stem => FileName is { } name ? SplitName()?.Stem ?? name : null;

    private (string Stem, string Extension)? SplitName()
    {
        if (FileName is not { } name) return null;
        int dot = name.LastIndexOf('.');
        return dot <= 0 ? null : (name[..dot], name[(dot + 1)..]);
    }

    /// <summary><c>PathBuf::push</c>: an absolute segment replaces the path, a relative one is appended.</summary>
    public static string Push(string path, string segment)
    {
        if (Parse(segment).IsAbsolute || path.Length == 0) return segment;
        return Separators.Contains(path[^1]) ? path + segment : path + Separator + segment;
    }

    /// <summary>
    /// The reference's pathNormalize: <c>..</c> removes the previous part (any part, even <c>..</c>, as
    /// <c>PathBuf::pop</c> does, so <c>../..</c> becomes <c>.</c>) or is kept when there is none; a leading <c>.</c> is kept.
    /// </summary>
    public PathModel Normalize()
    {
        var parts = new List<string>();
        foreach (var part in Parts)
        {
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                else parts.Add("..");
            }
            else parts.Add(part);
        }
        return new PathModel(Rooted, parts);
    }

    /// <summary>
    /// The path from <paramref name="from"/> to <paramref name="to"/> (both absolute), as the pathdiff crate computes it.
    /// </summary>
    public static string Relative(PathModel from, PathModel to)
    {
        int common = 0;
        while (common < from.Parts.Count && common < to.Parts.Count && from.Parts[common] == to.Parts[common]) common++;
        var rest = from.Parts.Skip(common).Where(p => p != ".").ToList();
        if (rest.Contains("..")) return to.ToString();
        return string.Join(Separator, rest.Select(_ => "..").Concat(to.Parts.Skip(common)));
    }

    public bool SameAs(PathModel other) => Rooted == other.Rooted && Parts.SequenceEqual(other.Parts);
}
