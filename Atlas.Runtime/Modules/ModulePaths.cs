namespace Atlas.Modules;

/// <summary>Relative module paths (language.md §15): resolved against the importing module's directory, <c>.atl</c> added.</summary>
internal static class ModulePaths
{
    public const string Extension = ".atl";

    /// <summary><paramref name="specifier"/> with <c>.atl</c> appended when its last part has no extension.</summary>
    public static string WithExtension(string specifier) =>
        Path.HasExtension(Path.GetFileName(specifier)) ? specifier : specifier + Extension;

    /// <summary>The display path of an imported module: the importer's directory as the user wrote it, joined and tidied.</summary>
    public static string Display(string importerDisplay, string specifier)
    {
        var dir = Path.GetDirectoryName(importerDisplay) ?? "";
        var joined = Path.IsPathRooted(specifier) ? specifier : Path.Combine(dir, WithExtension(specifier));
        var parts = new List<string>();
        foreach (var part in joined.Replace('\\', '/').Split('/'))
        {
            if (part == "." || (part.Length == 0 && parts.Count > 0)) continue;
            if (part == ".." && parts.Count > 0 && parts[^1] is not (".." or "")) parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return string.Join(Path.DirectorySeparatorChar, parts);
    }
}
