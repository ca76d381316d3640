using System.Text;

namespace Atlas.Repl.Repl.LineEditing;

/// <summary>
/// Entries typed in this and earlier sessions, most recent last, kept in a file (<c>~/.atlas_history</c>). One entry
/// per file line, so a multi-line entry is recalled as one unit: its line breaks are written as <c>\n</c> and
/// backslashes as <c>\\</c>.
/// </summary>
internal sealed class History
{
    /// <summary>Entries kept; older ones are dropped when the file is next loaded.</summary>
    public const int Capacity = 1000;

    private readonly List<string> _entries = new();
    private readonly string? _path;

    public IReadOnlyList<string> Entries => _entries;

    /// <summary>A history persisted in <paramref name="path"/> (null: this session only).</summary>
    public History(string? path)
    {
        _path = path;
        if (path == null || !File.Exists(path)) return;
        try
        {
            var lines = File.ReadAllLines(path);
            foreach (var line in lines.Skip(Math.Max(0, lines.Length - Capacity)))
                if (line.Length > 0) _entries.Add(Decode(line));
            // Appending keeps the file cheap to update; compact it here once it has grown well past the capacity.
            if (lines.Length > 2 * Capacity) File.WriteAllLines(path, _entries.Select(Encode));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable history must not stop the REPL.
        }
    }

    /// <summary>The default file: <c>.atlas_history</c> in the user's home directory.</summary>
    public static string DefaultPath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".atlas_history");

    /// <summary>Adds an entry (not a blank one, nor a repeat of the last) and appends it to the file.</summary>
    public void Add(string entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || (_entries.Count > 0 && _entries[^1] == entry)) return;
        _entries.Add(entry);
        if (_entries.Count > Capacity) _entries.RemoveAt(0);
        if (_path == null) return;
        try { File.AppendAllText(_path, Encode(entry) + "\n"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As above: history is a convenience.
        }
    }

    public static string Encode(string entry) => entry.Replace("\\", "\\\\").Replace("\r", "").Replace("\n", "\\n");

    public static string Decode(string line)
    {
        var sb = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i++;
                sb.Append(line[i] == 'n' ? '\n' : line[i]);
            }
            else sb.Append(line[i]);
        }
        return sb.ToString();
    }
}
