using Atlas.Diagnostics;
using Atlas.Semantics;

namespace Atlas.Syntax;

/// <summary>Base of statements and top-level items.</summary>
internal abstract class Stmt : SyntaxNode { }

/// <summary><c>let</c>/<c>var</c> declaration.</summary>
internal sealed class VarDecl : Stmt
{
    /// <summary>Declared with <c>export</c>: other modules may import it (language.md §15).</summary>
    public bool IsExported { get; set; }
    public required bool Mutable { get; init; }
    public required string Name { get; init; }
    public required TextSpan NameSpan { get; init; }
    public TypeSyntax? DeclaredType { get; init; }
    public required Expr Initializer { get; init; }
    public Symbol? Symbol { get; set; }
}

/// <summary>A function parameter.</summary>
internal sealed class Param : SyntaxNode
{
    public required string Name { get; init; }
    public required TextSpan NameSpan { get; init; }
    public required TypeSyntax Type { get; init; }
    public Symbol? Symbol { get; set; }
}

/// <summary><c>fn name&lt;T&gt;(params) -> R { body }</c>, at top level or nested in a block.</summary>
internal sealed class FnDecl : Stmt
{
    /// <summary>Declared with <c>export</c>: other modules may import it (language.md §15).</summary>
    public bool IsExported { get; set; }
    public required string Name { get; init; }
    public required TextSpan NameSpan { get; init; }
    public required List<string> TypeParams { get; init; }
    public required List<Param> Params { get; init; }
    public TypeSyntax? ReturnType { get; init; }
    public required BlockStmt Body { get; init; }
    /// <summary>The symbol naming this function (set by the binder).</summary>
    public Symbol? Symbol { get; set; }
    /// <summary>Declared return type as resolved by the checker.</summary>
    public AtlasType? ResolvedReturnType { get; set; }
    /// <summary>
    /// Top-level variables and functions that this function's body (nested functions included) refers to; set by the
    /// binder for functions that are not nested in another function. The REPL's redefinition rule reads it.
    /// </summary>
    public HashSet<Symbol>? GlobalReferences { get; set; }
}

/// <summary><c>type Name = T;</c> (top level only).</summary>
internal sealed class TypeAliasDecl : Stmt
{
    /// <summary>Declared with <c>export</c>: other modules may import it (language.md §15).</summary>
    public bool IsExported { get; set; }
    public required string Name { get; init; }
    public required TextSpan NameSpan { get; init; }
    public required TypeSyntax Target { get; init; }
    /// <summary>The target type as the binder resolved it (kept so a REPL session can offer the alias to later entries).</summary>
    public AtlasType? ResolvedTarget { get; set; }
}

/// <summary>An expression used as a statement.</summary>
internal sealed class ExprStmt : Stmt { public required Expr Expression { get; init; } }

/// <summary><c>target = value;</c> where target is a name or an index chain on a name.</summary>
internal sealed class AssignStmt : Stmt
{
    public required Expr Target { get; init; }
    public required Expr Value { get; init; }
}

/// <summary><c>target op= value;</c>.</summary>
internal sealed class CompoundAssignStmt : Stmt
{
    public required Expr Target { get; init; }
    public required BinaryOp Op { get; init; }
    public required Expr Value { get; init; }
}

/// <summary><c>target++;</c> or <c>target--;</c>.</summary>
internal sealed class IncDecStmt : Stmt
{
    public required Expr Target { get; init; }
    public required bool Increment { get; init; }
}

/// <summary><c>if (cond) { } else { }</c>; <see cref="Else"/> is a block or another if (else-if sugar).</summary>
internal sealed class IfStmt : Stmt
{
    public required Expr Condition { get; init; }
    public required BlockStmt Then { get; init; }
    public Stmt? Else { get; init; }
}

/// <summary><c>while (cond) { }</c>.</summary>
internal sealed class WhileStmt : Stmt
{
    public required Expr Condition { get; init; }
    public required BlockStmt Body { get; init; }
}

/// <summary>C-style <c>for (init; cond; step) { }</c>; each part may be missing.</summary>
internal sealed class ForStmt : Stmt
{
    public Stmt? Init { get; init; }
    public Expr? Condition { get; init; }
    public Stmt? Step { get; init; }
    public required BlockStmt Body { get; init; }
}

/// <summary><c>for x in expr { }</c>.</summary>
internal sealed class ForInStmt : Stmt
{
    public required string Variable { get; init; }
    public required TextSpan VariableSpan { get; init; }
    public required Expr Iterable { get; init; }
    public required BlockStmt Body { get; init; }
    public Symbol? Symbol { get; set; }
}

/// <summary><c>return;</c> or <c>return e;</c>.</summary>
internal sealed class ReturnStmt : Stmt { public Expr? Value { get; init; } }

/// <summary><c>break;</c>.</summary>
internal sealed class BreakStmt : Stmt { }

/// <summary><c>continue;</c>.</summary>
internal sealed class ContinueStmt : Stmt { }

/// <summary><c>{ statements }</c>: a function body, a branch, a loop body or a bare block; always its own scope.</summary>
internal sealed class BlockStmt : Stmt { public required List<Stmt> Statements { get; init; } }
