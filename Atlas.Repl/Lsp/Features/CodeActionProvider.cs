using Atlas.Diagnostics;
using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;

namespace Atlas.Repl.Lsp.Features;

/// <summary>
/// <c>textDocument/codeAction</c>: for each unused-name warning (AT2001) in the range, a quick fix that renames the name
/// to start with <c>_</c> everywhere it is written (the language's way to say "unused on purpose").
/// </summary>
internal static class CodeActionProvider
{
    public static CodeAction[] Actions(DocumentAnalysis doc, string uri, int start, int end)
    {
        var actions = new List<CodeAction>();
        foreach (var warning in doc.Diagnostics.Where(d => d.Id is DiagnosticId.UnusedVariable or DiagnosticId.UnusedParameter))
        {
            if (warning.Span.End < start || warning.Span.Start > end) continue;
            if (doc.OccurrenceAt(warning.Span.Start) is not { } occurrence) continue;
            var name = occurrence.Symbol.Name;
            var (edits, refusal) = RenameProvider.Rename(doc, warning.Span.Start, "_" + name);
            if (refusal is not null) continue;
            var edit = new WorkspaceEdit(new Dictionary<string, TextEdit[]> { [uri] = edits });
            actions.Add(new CodeAction($"Rename '{name}' to '_{name}' (unused on purpose)", "quickfix", edit, true));
        }
        return [.. actions];
    }
}
