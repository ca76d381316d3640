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
        if (tokens.Count != 2 || tokens[0].Kind != TokenKind.Identifier || tokens[0].Text != name)
            throw new ArgumentException($"'{name}' is not an Atlas identifier", nameof(name));
        if (BuiltinSymbols.IsPrelude(name) || BuiltinSymbols.ConstantSymbols.ContainsKey(name))
            throw new ArgumentException($"'{name}' is a standard library name and cannot be redefined", nameof(name));
    }
}
