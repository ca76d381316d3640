using Atlas.Formatting;
using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Features;

/// <summary><c>textDocument/foldingRange</c>: brackets that span lines, block comments and runs of line comments.</summary>
internal static class FoldingProvider
{
    public static FoldingRange[] Ranges(DocumentAnalysis doc)
    {
        var ranges = new List<FoldingRange>();
        var open = new Stack<int>();
        foreach (var token in doc.Tokens)
        {
            if (token.Kind is TokenKind.LeftBrace or TokenKind.LeftBracket or TokenKind.LeftParen) open.Push(token.Span.Start);
            else if (token.Kind is TokenKind.RightBrace or TokenKind.RightBracket or TokenKind.RightParen && open.Count > 0)
            {
                var startLine = doc.Lines.LineOf(open.Pop());
                // The closing line stays visible, as editors show folded blocks.
                var endLine = doc.Lines.LineOf(token.Span.Start) - 1;
                if (endLine > startLine) ranges.Add(new FoldingRange(startLine, endLine));
            }
        }
        var runStart = -1;
        var runEnd = -1;
        foreach (var comment in Comment.All(doc.Text, doc.Tokens))
        {
            var first = doc.Lines.LineOf(comment.Start);
            var last = doc.Lines.LineOf(comment.Start + comment.Text.Length);
            if (!comment.IsLine)
            {
                if (last > first) ranges.Add(new FoldingRange(first, last, "comment"));
                continue;
            }
            if (first == runEnd + 1 && runStart >= 0) runEnd = first;
            else
            {
                AddRun(ranges, runStart, runEnd);
                runStart = runEnd = first;
            }
        }
        AddRun(ranges, runStart, runEnd);
        return [.. ranges.OrderBy(r => r.StartLine)];
    }

    private static void AddRun(List<FoldingRange> ranges, int start, int end)
    {
        if (start >= 0 && end > start) ranges.Add(new FoldingRange(start, end, "comment"));
    }
}
