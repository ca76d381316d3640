using Atlas.Diagnostics;

namespace Atlas.Hosting;

/// <summary>
/// A script did not compile (syntax or type errors, or warnings with <see cref="AtlasOptions.DenyWarnings"/>): nothing
/// of it ran and nothing of it was defined. <see cref="Exception.Message"/> is the first error's first line.
/// </summary>
public sealed class AtlasCompileException : Exception
{
    /// <summary>A compile failure of the script at <paramref name="path"/>.</summary>
    /// <param name="message">The first error's first line.</param>
    /// <param name="path">The name the diagnostics carry.</param>
    /// <param name="diagnostics">Every diagnostic of the script.</param>
    /// <param name="text">The diagnostics rendered as the CLI prints them.</param>
    public AtlasCompileException(string message, string path, IReadOnlyList<Diagnostic> diagnostics, string text)
        : base(message)
    {
        Path = path;
        Diagnostics = diagnostics;
        Text = text;
    }

    /// <summary>The name the script's diagnostics carry (a file path, or <c>&lt;eval&gt;:N</c>).</summary>
    public string Path { get; }
    /// <summary>Every diagnostic of the script, errors and warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    /// <summary>All diagnostics rendered as the CLI prints them: position, message, source line, caret and help.</summary>
    public string Text { get; }
}
