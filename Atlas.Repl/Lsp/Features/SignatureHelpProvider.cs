using Atlas.Repl.Lsp.Analysis;
using Atlas.Repl.Lsp.Protocol;
using Atlas.Semantics;
using Atlas.Stdlib;
using Atlas.Syntax;

namespace Atlas.Repl.Lsp.Features;

/// <summary>
/// <c>textDocument/signatureHelp</c>: the signature of the call whose parentheses enclose the cursor and the argument
/// the cursor is in. Works from tokens, so it also helps while the call is still unfinished and does not parse.
/// </summary>
internal static class SignatureHelpProvider
{
    public static SignatureHelp? Help(DocumentAnalysis doc, int offset)
    {
        var tokens = doc.Tokens;
        var depth = 0;
        var commas = 0;
        for (var i = LastTokenBefore(tokens, offset); i >= 0; i--)
        {
            switch (tokens[i].Kind)
            {
                case TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace: depth++; break;
                case TokenKind.LeftBracket or TokenKind.LeftBrace when depth == 0: return null;
                case TokenKind.LeftBracket or TokenKind.LeftBrace: depth--; break;
                case TokenKind.Comma when depth == 0: commas++; break;
                case TokenKind.Semicolon when depth == 0: return null;
                case TokenKind.LeftParen when depth > 0: depth--; break;
                case TokenKind.LeftParen:
                    return i > 0 && tokens[i - 1].Kind == TokenKind.Identifier ? Build(doc, i - 1, commas) : null;
                default: break;
            }
        }
        return null;
    }

    private static int LastTokenBefore(IReadOnlyList<Token> tokens, int offset)
    {
        var i = tokens.Count - 1;
        while (i >= 0 && (tokens[i].Span.End > offset || tokens[i].Span.Length == 0)) i--;
        return i;
    }

    private static SignatureHelp? Build(DocumentAnalysis doc, int nameToken, int activeParameter)
    {
        var name = doc.Tokens[nameToken];
        CallableSignature? signature = null;
        if (nameToken > 0 && doc.Tokens[nameToken - 1].Kind == TokenKind.Dot)
        {
            if (ArrayMethod.All.TryGetValue(name.Text, out var method)) signature = CallableSignature.Of(method);
        }
        else if (Resolve(doc, name) is { } symbol) signature = CallableSignature.Of(symbol);
        if (signature is null || !signature.IsCallable) return null;
        var parameters = signature.Parameters.Select(p => new ParameterInformation(p)).ToArray();
        var info = new SignatureInformation(signature.Label, signature.Summary, parameters);
        return new SignatureHelp([info], 0, Math.Min(activeParameter, Math.Max(0, signature.Parameters.Count - 1)));
    }

    /// <summary>The symbol the callee name refers to: the bound occurrence, else a declaration or builtin of that name.</summary>
    private static Symbol? Resolve(DocumentAnalysis doc, Token name)
    {
        if (doc.OccurrenceAt(name.Span.Start) is { } o && o.Span == name.Span) return o.Symbol;
        var declared = doc.Occurrences.LastOrDefault(d => d.IsDeclaration && d.Symbol.Name == name.Text && d.Span.Start < name.Span.Start);
        if (declared.Symbol is not null) return declared.Symbol;
        return BuiltinSymbols.FunctionSymbols.GetValueOrDefault(name.Text);
    }
}
