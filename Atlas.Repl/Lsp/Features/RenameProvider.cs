using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Features;

/// <summary>
/// Rename: every occurrence of a user-declared name. Refused (with the reason) for builtins, for a new name that is
/// not an identifier or is a keyword, and for a name already declared where the renamed one is visible.
/// </summary>
internal static class RenameProvider
{
    /// <summary>The range to rename at <paramref name="offset"/>, or the reason it cannot be renamed.</summary>
    public static (LspRange? Range, string? Refusal) Prepare(DocumentAnalysis doc, int offset)
    {
        if (doc.OccurrenceAt(offset) is not { } occurrence) return (null, "Nothing to rename here");
        if (occurrence.Symbol.Kind == SymbolKind.Builtin) return (null, $"'{occurrence.Symbol.Name}' is a builtin and cannot be renamed");
        return (doc.Lines.RangeOf(occurrence.Span), null);
    }

    public static (TextEdit[] Edits, string? Refusal) Rename(DocumentAnalysis doc, int offset, string newName)
    {
        var (range, refusal) = Prepare(doc, offset);
        if (range is null) return ([], refusal);
        var symbol = doc.OccurrenceAt(offset)!.Value.Symbol;
        if (NameProblem(newName) is { } problem) return ([], problem);
        if (newName != symbol.Name && Conflicts(doc, symbol, newName))
            return ([], $"'{newName}' already names something in scope of '{symbol.Name}'");
        return ([.. doc.OccurrencesOf(symbol).Select(o => new TextEdit(doc.Lines.RangeOf(o.Span), newName))], null);
    }

    private static string? NameProblem(string name)
    {
        var tokens = Lexer.Lex(name);
        var real = tokens.Tokens.Where(t => t.Text.Length > 0 && t.Kind != TokenKind.Eof).ToList();
        if (real.Count == 1 && Lexer.IsKeyword(real[0].Kind)) return $"'{name}' is a keyword";
        if (tokens.HasErrors || real.Count != 1 || real[0].Kind != TokenKind.Identifier || real[0].Text != name)
            return $"'{name}' is not a valid name";
        return null;
    }

    /// <summary>
    /// True when another declaration of <paramref name="name"/> could meet the renamed symbol: a builtin, a top-level
    /// name, or a name in the same function or in one nested in the other.
    /// </summary>
    private static bool Conflicts(DocumentAnalysis doc, Symbol symbol, string name)
    {
        if (BuiltinSymbols.FunctionSymbols.ContainsKey(name) || BuiltinSymbols.ConstantSymbols.ContainsKey(name)) return true;
        foreach (var other in doc.Occurrences.Where(o => o.IsDeclaration && o.Symbol.Name == name).Select(o => o.Symbol))
        {
            if (ReferenceEquals(other, symbol)) continue;
            if (symbol.Owner is null || other.Owner is null || ReferenceEquals(symbol.Owner, other.Owner)) return true;
            if (Encloses(symbol.Owner, other.Owner) || Encloses(other.Owner, symbol.Owner)) return true;
        }
        return false;
    }

    private static bool Encloses(FnDecl outer, FnDecl inner) => outer.Span.Start <= inner.Span.Start && inner.Span.End <= outer.Span.End;
}
