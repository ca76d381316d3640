using Atlas.Semantics;
using Atlas.Syntax;

namespace Atlas.Hosting;

/// <summary>Which names a host may define: those a script could declare at top level.</summary>
internal static class HostNames
{
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = Lexer.Lex(name).Tokens;
        // The lexer may add a zero-length semicolon before the end: nothing else may follow the identifier.
        if (tokens[0].Kind != TokenKind.Identifier || tokens[0].Text != name || tokens.Skip(1).Any(t => t.Span.Start != name.Length))
            throw new ArgumentException($"'{name}' is not an Atlas identifier", nameof(name));
        if (BuiltinSymbols.IsPrelude(name) || BuiltinSymbols.ConstantSymbols.ContainsKey(name))
            throw new ArgumentException($"'{name}' is a standard library name and cannot be redefined", nameof(name));
    }
}
