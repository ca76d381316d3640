using Atlas.Diagnostics;

namespace Atlas.Syntax;

internal sealed partial class Parser
{
    private readonly List<ImportDecl> _imports = [];

    /// <summary><c>import { a, b } from "./m";</c> or <c>import * as ns from "./m";</c> at top level.</summary>
    private void ParseImport()
    {
        int start = Advance().Span.Start;
        var names = new List<ImportedName>();
        TextSpan? namespaceSpan = null;
        if (Check(TokenKind.Star))
        {
            int nsStart = Advance().Span.Start;
            if (!Expect(TokenKind.As, DiagnosticId.ExpectedToken, "'as'")) return;
            if (ExpectName("a namespace name") is null) return;
            namespaceSpan = SpanFrom(nsStart);
        }
        else
        {
            if (!Expect(TokenKind.LeftBrace, DiagnosticId.ExpectedToken, "'{'")) return;
            while (!Check(TokenKind.RightBrace))
            {
                if (ExpectName("an imported name") is not { } name) return;
                names.Add(new ImportedName(name.Text, name.Span));
                if (!Match(TokenKind.Comma)) break;
            }
            if (!Expect(TokenKind.RightBrace, DiagnosticId.ExpectedCloser, "'}'")) return;
        }
        if (!Expect(TokenKind.From, DiagnosticId.ExpectedToken, "'from'")) return;
        var source = Current;
        if (!Expect(TokenKind.String, DiagnosticId.ExpectedToken, "a module path string")) return;
        if (!ExpectSemicolon("import")) return;
        _imports.Add(new ImportDecl
        {
            Source = source.StringValue ?? "", SourceSpan = source.Span, Names = names, NamespaceSpan = namespaceSpan, Span = SpanFrom(start),
        });
    }

    /// <summary>
    /// <c>export</c> before a top-level <c>fn</c>, <c>let</c>, <c>var</c> or <c>type</c>: the declaration, marked exported.
    /// </summary>
    private Stmt? ParseExport()
    {
        var export = Advance();
        if (Current.Kind is not (TokenKind.Fn or TokenKind.Let or TokenKind.Var or TokenKind.Type))
        {
            Error(DiagnosticId.ExpectedToken, export.Span, ["a function, variable or type declaration after 'export'"]);
            return null;
        }
        var declaration = ParseStatementCore(topLevel: true);
        switch (declaration)
        {
            case FnDecl fn: fn.IsExported = true; break;
            case VarDecl v: v.IsExported = true; break;
            case TypeAliasDecl alias: alias.IsExported = true; break;
        }
        return declaration;
    }
}
