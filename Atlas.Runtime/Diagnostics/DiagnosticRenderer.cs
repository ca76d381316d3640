using System.Text;
using Atlas.Vm;

namespace Atlas.Diagnostics;

/// <summary>
/// Renders diagnostics and runtime errors as README decision 2 and 10 describe:
/// <c>FILE:LINE:COL: error[CODE]: message</c>, the source line, a caret line, an optional help line, and for
/// runtime errors the Atlas call stack innermost first.
/// </summary>
internal sealed class DiagnosticRenderer(SourceText source, string path)
{
    /// <summary>Frames shown at each end of a very deep call stack; the middle is summarised.</summary>
    public const int StackEdge = 10;

    /// <summary>
    /// Where a call-stack frame's span points when it is not in this source (the REPL: a function of an earlier entry);
    /// null, or a null result, means this source.
    /// </summary>
    public Func<StackFrameInfo, (SourceText Source, string Path)?>? Locate { get; init; }
    /// <summary>
    /// Longest source line shown in full. A longer one is shown as a window around the problem, so that rendering
    /// many diagnostics on one huge line (a minified or generated file) costs time and output proportional to
    /// their number, not to their number times the line length.
    /// </summary>
    public const int MaxSnippetWidth = 200;

    /// <summary>Characters of the line shown before the problem in a windowed snippet.</summary>
    private const int WindowContext = 60;

    public string Render(Diagnostic d)
    {
        var sb = new StringBuilder();
        Header(sb, d.Span, d.IsError ? "error" : "warning", d.Code, d.Message);
        Snippet(sb, d.Span);
        if (d.Help != null) sb.Append("  help: ").Append(d.Help).Append('\n');
        return sb.ToString();
    }

    public string Render(AtlasRuntimeException e)
    {
        var sb = new StringBuilder();
        var span = e.Span ?? TextSpan.None;
        Header(sb, span, "error", e.Code, e.Message);
        Snippet(sb, span);
        var frames = e.AtlasStack;
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames.Count > 2 * StackEdge && i == StackEdge)
            {
                sb.Append("  ... ").Append(frames.Count - 2 * StackEdge).Append(" more frames ...\n");
                i = frames.Count - StackEdge - 1;
                continue;
            }
            var (frameSource, framePath) = Locate?.Invoke(frames[i]) ?? (source, path);
            var (line, col) = frameSource.GetLineColumn(frames[i].Span.Start);
            sb.Append("  at ").Append(frames[i].FunctionName).Append(" (").Append(framePath).Append(':').Append(line).Append(':').Append(col).Append(")\n");
        }
        return sb.ToString();
    }

    private void Header(StringBuilder sb, TextSpan span, string level, string code, string message)
    {
        var (line, col) = source.GetLineColumn(span.Start);
        sb.Append(path).Append(':').Append(line).Append(':').Append(col).Append(": ")
          .Append(level).Append('[').Append(code).Append("]: ").Append(message).Append('\n');
    }

    private void Snippet(StringBuilder sb, TextSpan span)
    {
        var (line, col) = source.GetLineColumn(span.Start);
        int lineStart = source.GetLineStart(line);
        int lineEnd = source.GetLineEnd(line);
        if (lineEnd - lineStart > MaxSnippetWidth)
        {
            WindowedSnippet(sb, span, line, lineStart, lineEnd);
            return;
        }
        var text = source.GetLineText(line);
        var (endLine, endCol) = source.GetLineColumn(Math.Max(span.Start, span.End));
        int lineLength = Stdlib.ScalarText.Count(text);
        int width = endLine == line ? Math.Max(1, endCol - col) : Math.Max(1, lineLength - col + 1);
        string gutter = line.ToString();
        sb.Append(' ').Append(gutter).Append(" | ").Append(text.Replace('\t', ' ')).Append('\n');
        sb.Append(' ').Append(' ', gutter.Length).Append(" | ").Append(' ', Math.Max(0, col - 1)).Append('^', width).Append('\n');
    }

    /// <summary>A window of at most <see cref="MaxSnippetWidth"/> characters of a long line, marked with "..." where cut.</summary>
    private void WindowedSnippet(StringBuilder sb, TextSpan span, int line, int lineStart, int lineEnd)
    {
        var text = source.Text.AsSpan(lineStart, lineEnd - lineStart);
        int caret = Math.Clamp(span.Start - lineStart, 0, text.Length);
        int from = Math.Max(0, caret - WindowContext);
        int to = Math.Min(text.Length, from + MaxSnippetWidth);
        // Never cut a surrogate pair in half.
        if (from > 0 && char.IsLowSurrogate(text[from])) from--;
        if (to < text.Length && char.IsLowSurrogate(text[to])) to++;
        int end = Math.Clamp(Math.Max(span.Start, span.End) - lineStart, caret, to);
        string prefix = from > 0 ? "..." : "";
        int caretColumn = prefix.Length + Stdlib.ScalarText.Count(new string(text[from..caret]));
        int width = Math.Max(1, Stdlib.ScalarText.Count(new string(text[caret..end])));
        string gutter = line.ToString();
        sb.Append(' ').Append(gutter).Append(" | ").Append(prefix).Append(new string(text[from..to]).Replace('\t', ' '));
        if (to < text.Length) sb.Append("...");
        sb.Append('\n');
        sb.Append(' ').Append(' ', gutter.Length).Append(" | ").Append(' ', caretColumn).Append('^', width).Append('\n');
    }
}
