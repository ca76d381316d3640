using Atlas.Diagnostics;

namespace Atlas.Syntax;

/// <summary>
/// Recursive-descent parser for the Tier 1 grammar (language.md §3). Never throws on bad input: errors become
/// diagnostics, missing expressions become <see cref="ErrorExpr"/>, and parsing resumes at the next statement.
/// </summary>
/// <remarks>
/// Error handling follows the reference: the first error of a statement puts the parser in "panic" mode, in
/// which later errors are suppressed and every parse method returns what it has; the statement loop then skips
/// to a synchronisation point (see Parser.Recovery.cs) and leaves panic mode.
/// </remarks>
internal sealed partial class Parser
{
    /// <summary>
    /// Maximum depth of the syntax tree: nested statements, expressions, types and patterns, and also the links of flat
    /// chains (<c>1 + 1 + …</c>, <c>f()()…</c>, <c>a[0][0]…</c>, <c>T[][]…</c>), which build trees as deep as they are
    /// long. Deeper input is an error (AT1007), so that every later phase, which walks the tree recursively, stays within
    /// a small, fixed amount of stack whatever the input.
    /// </summary>
    public const int MaxNesting = 256;

    private readonly IReadOnlyList<Token> _tokens;
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly HashSet<int> _errorOffsets = new();
    // A parenthesised expression has no node of its own; its extent including the parentheses is kept here so
    // that enclosing nodes' spans start at '(' and '(x) = 1' can be rejected.
    private readonly Dictionary<Expr, TextSpan> _parenthesized = new(ReferenceEqualityComparer.Instance);
    private int _pos;
    private int _nesting;
    // The deepest level reached in the subtree being measured (see BeginMeasure): nesting plus heights of chains.
    private int _highWater;
    private bool _panicking;

    private Parser(IReadOnlyList<Token> tokens) => _tokens = tokens;

    /// <summary>
    /// Lexes and parses <paramref name="source"/>. If the lexer reports errors, the unit is empty and only those are returned.
    /// </summary>
    public static ParseResult Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lexed = Lexer.Lex(source);
        var fullSpan = new TextSpan(0, source.Length);
        if (lexed.HasErrors)
            return new ParseResult(new CompilationUnit { Items = new(), Span = fullSpan }, lexed.Diagnostics);

        var parser = new Parser(lexed.Tokens);
        var items = parser.ParseItems();
        return new ParseResult(new CompilationUnit { Items = items, Imports = parser._imports, Span = fullSpan }, parser._diagnostics);
    }

    private List<Stmt> ParseItems()
    {
        var items = new List<Stmt>();
        while (!AtEnd)
        {
            int start = _pos;
            var item = ParseStatement(topLevel: true);
            if (item is not null) items.Add(item);
            if (_panicking) Synchronize(start, insideBlock: false);
            if (_pos == start) Advance(); // cannot happen by construction; guarantees termination anyway
        }
        return items;
    }

    // ----- token stream -----

    private Token Current => _tokens[_pos];
    private Token Previous => _tokens[Math.Max(_pos - 1, 0)];
    private bool AtEnd => Current.Kind == TokenKind.Eof;

    private Token PeekAt(int ahead) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

    private bool Check(TokenKind kind) => Current.Kind == kind;

    private Token Advance()
    {
        var token = Current;
        if (!AtEnd) _pos++;
        return token;
    }

    private bool Match(TokenKind kind)
    {
        if (!Check(kind)) return false;
        Advance();
        return true;
    }

    // ----- spans -----

    private TextSpan OuterSpan(Expr e) => _parenthesized.TryGetValue(e, out var span) ? span : e.Span;

    /// <summary>From <paramref name="start"/> to the end of the last consumed token.</summary>
    private TextSpan SpanFrom(int start) => new(start, Math.Max(start, Previous.Span.End));

    // ----- diagnostics -----

    /// <summary>
    /// Reports a syntax error and enters panic mode; suppressed while already panicking or at an offset that already has an error.
    /// </summary>
    private void Error(DiagnosticId id, TextSpan span, object[]? args = null, string? help = null)
    {
        if (_panicking) return;
        _panicking = true;
        if (!_errorOffsets.Add(span.Start)) return;
        var diagnostic = Diagnostic.Create(id, span, args ?? []);
        _diagnostics.Add(help is null ? diagnostic : diagnostic with { Help = help });
    }

    private void ErrorAtCurrent(DiagnosticId id, params object[] args) => Error(id, Current.Span, args);

    /// <summary>Reports a problem that does not disturb parsing (no panic mode).</summary>
    private void Report(DiagnosticId id, TextSpan span, params object[] args)
    {
        _errorOffsets.Add(span.Start);
        _diagnostics.Add(Diagnostic.Create(id, span, args));
    }

    private void ReportTier2(string what, TextSpan span) => Report(DiagnosticId.UnsupportedTier2, span, what);

    /// <summary>Consumes <paramref name="kind"/> or reports "Expected {what}" with the given id (AT1003 closers, AT1004 others).</summary>
    private bool Expect(TokenKind kind, DiagnosticId id, string what)
    {
        if (Match(kind)) return true;
        ErrorAtCurrent(id, what);
        return false;
    }

    /// <summary>
    /// Consumes the ';' that ends a statement. A missing one is reported right after the previous token, where it belongs.
    /// </summary>
    private bool ExpectSemicolon(string context)
    {
        if (Match(TokenKind.Semicolon)) return true;
        int at = _pos > 0 ? Previous.Span.End : Current.Span.Start;
        Error(DiagnosticId.ExpectedSemicolonAfter, new TextSpan(at, at), [context]);
        return false;
    }

    /// <summary>Consumes an identifier naming <paramref name="what"/> ("a variable name", ...), with the spec's keyword messages.</summary>
    private Token? ExpectName(string what)
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier) return Advance();
        switch (token.Kind)
        {
            case TokenKind.Import or TokenKind.Match:
                ErrorAtCurrent(DiagnosticId.ReservedKeywordFuture, token.Text, what);
                Advance();
                break;
            case TokenKind.Let or TokenKind.Var or TokenKind.Fn or TokenKind.Type or TokenKind.If or TokenKind.Else
                or TokenKind.While or TokenKind.For or TokenKind.Return or TokenKind.Break or TokenKind.Continue
                or TokenKind.True or TokenKind.False or TokenKind.Null or TokenKind.Is:
                // The keyword was meant as a name: consume it so recovery does not restart a statement at it.
                ErrorAtCurrent(DiagnosticId.ReservedKeyword, token.Text, what);
                Advance();
                break;
            default:
                ErrorAtCurrent(DiagnosticId.ExpectedNameButFound, what, token.Kind.ToString());
                break;
        }
        return null;
    }

    // ----- nesting guard -----

    /// <summary>
    /// Enters one nesting level; on overflow reports AT1007 and returns false (the caller must not call <see cref="Leave"/>).
    /// </summary>
    private bool Enter()
    {
        if (_nesting >= MaxNesting)
        {
            ErrorAtCurrent(DiagnosticId.NestingTooDeep, MaxNesting);
            return false;
        }
        _nesting++;
        _highWater = Math.Max(_highWater, _nesting);
        return true;
    }

    private void Leave() => _nesting--;

    // A chain is parsed in a loop, but each link puts everything parsed so far one level deeper. Its height is
    // measured bottom-up: height(link) = 1 + max(height(chain so far), height(new operand)), where an operand's
    // height is how far the high-water mark rose above the current level while it was parsed.

    /// <summary>Starts measuring a subtree at the current level; returns the outer mark for <see cref="EndMeasure"/>.</summary>
    private int BeginMeasure()
    {
        int outer = _highWater;
        _highWater = _nesting;
        return outer;
    }

    /// <summary>Height of what was parsed since <see cref="BeginMeasure"/> or the last <see cref="ResetMeasure"/>.</summary>
    private int MeasuredHeight => _highWater - _nesting;

    /// <summary>Starts measuring the next operand of a chain.</summary>
    private void ResetMeasure() => _highWater = _nesting;

    /// <summary>Ends a measured subtree of the given height and folds it into the outer mark.</summary>
    private void EndMeasure(int outer, int height) => _highWater = Math.Max(outer, _nesting + height);

    /// <summary>
    /// Adds one chain link over an operand of height <paramref name="operandHeight"/>; past the limit reports AT1007 and returns false.
    /// </summary>
    private bool AddLink(ref int height, int operandHeight)
    {
        height = Math.Max(height, operandHeight) + 1;
        if (_nesting + height <= MaxNesting) return true;
        ErrorAtCurrent(DiagnosticId.NestingTooDeep, MaxNesting);
        return false;
    }

    private ErrorExpr MissingExpr() => new() { Span = Current.Span };
}
