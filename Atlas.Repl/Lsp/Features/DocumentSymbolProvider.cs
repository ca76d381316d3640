using Atlas.Diagnostics;
using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Features;

/// <summary><c>textDocument/documentSymbol</c>: functions (with their nested functions and locals), variables and type aliases.</summary>
internal sealed class DocumentSymbolProvider : SyntaxWalker
{
    private readonly DocumentAnalysis _doc;
    private List<DocumentSymbol> _current = [];

    private DocumentSymbolProvider(DocumentAnalysis doc) => _doc = doc;

    public static DocumentSymbol[] Symbols(DocumentAnalysis doc)
    {
        if (doc.Unit is null) return [];
        var provider = new DocumentSymbolProvider(doc);
        provider.Walk(doc.Unit);
        return [.. provider._current];
    }

    protected override void VisitStmt(Stmt stmt)
    {
        switch (stmt)
        {
            case VarDecl v when v.Name.Length > 0:
                Add(v.Name, v.Symbol?.Type.Display, LspKinds.SymbolVariable, v.Span, v.NameSpan, []);
                break;
            case TypeAliasDecl t when t.Name.Length > 0:
                Add(t.Name, null, LspKinds.SymbolTypeParameter, t.Span, t.NameSpan, []);
                break;
            default:
                break;
        }
        base.VisitStmt(stmt);
    }

    protected override void VisitFunction(FnDecl fn)
    {
        var outer = _current;
        _current = [];
        base.VisitFunction(fn);
        var children = _current;
        _current = outer;
        var detail = fn.Symbol is { } s ? CallableSignature.Of(s).Label : null;
        if (fn.Name.Length > 0) Add(fn.Name, detail, LspKinds.SymbolFunction, fn.Span, fn.NameSpan, [.. children]);
    }

    private void Add(string name, string? detail, int kind, TextSpan span, TextSpan nameSpan, DocumentSymbol[] children)
    {
        var range = _doc.Lines.RangeOf(TextSpan.Cover(span, nameSpan));
        _current.Add(new DocumentSymbol(name, detail, kind, range, _doc.Lines.RangeOf(nameSpan), children));
    }
}
