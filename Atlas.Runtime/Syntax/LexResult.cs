using Atlas.Diagnostics;

namespace Atlas.Syntax;

/// <summary>Output of <see cref="Lexer.Lex"/>: the tokens (ending in one <see cref="TokenKind.Eof"/>) and every lexer error.</summary>
internal sealed record LexResult(IReadOnlyList<Token> Tokens, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Count > 0;
}
