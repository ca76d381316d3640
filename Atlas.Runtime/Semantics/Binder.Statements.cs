using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

internal sealed partial class Binder
{
    private void BindBlock(BlockStmt block) => WithScope(() =>
    {
        HoistNestedFunctions(block);
        foreach (var stmt in block.Statements) BindStatement(stmt, topLevel: false);
    });

    /// <param name="stmt">The statement to bind.</param>
    /// <param name="topLevel">True only for items directly in the compilation unit (globals, prelude protection).</param>
    private void BindStatement(Stmt stmt, bool topLevel)
    {
        switch (stmt)
        {
            case VarDecl v: BindVarDecl(v, topLevel); break;
            case FnDecl fn:
                // Declarations were hoisted; this only happens for a function outside any block (error recovery).
                if (fn.Symbol is null) Declare(CreateFunctionSymbol(fn, SymbolKind.NestedFunction, currentFunction));
                BindFunction(fn);
                break;
            case TypeAliasDecl alias:
                // Top-level aliases were resolved up front; one elsewhere is a parse error, resolve it only for its diagnostics.
                if (!topLevel) ResolveType(alias.Target);
                break;
            case ExprStmt e: BindExpr(e.Expression); break;
            case AssignStmt a: BindExpr(a.Target); BindExpr(a.Value); break;
            case CompoundAssignStmt c: BindExpr(c.Target); BindExpr(c.Value); break;
            case IncDecStmt i: BindExpr(i.Target); break;
            case IfStmt i:
                BindExpr(i.Condition);
                BindBlock(i.Then);
                if (i.Else is not null) BindStatement(i.Else, topLevel: false);
                break;
            case WhileStmt w: BindExpr(w.Condition); BindBlock(w.Body); break;
            case ForStmt f:
                // The header variable lives in a scope of its own around the body (README decision 8).
                WithScope(() =>
                {
                    if (f.Init is not null) BindStatement(f.Init, topLevel: false);
                    if (f.Condition is not null) BindExpr(f.Condition);
                    if (f.Step is not null) BindStatement(f.Step, topLevel: false);
                    BindBlock(f.Body);
                });
                break;
            case ForInStmt f:
                BindExpr(f.Iterable);
                WithScope(() =>
                {
                    var symbol = new Symbol
                    {
                        Name = f.Variable, Kind = SymbolKind.Local, Mutable = false, Type = AtlasType.Unknown,
                        DeclarationSpan = f.VariableSpan, Owner = currentFunction,
                    };
                    f.Symbol = symbol;
                    scope.Add(symbol);
                    BindBlock(f.Body);
                });
                break;
            case ReturnStmt r: if (r.Value is not null) BindExpr(r.Value); break;
            case BlockStmt b: BindBlock(b); break;
            default: break; // break, continue, and anything error recovery may add
        }
    }

    private void BindVarDecl(VarDecl v, bool topLevel)
    {
        // The initializer is bound first: the new name is not visible in it (§5.2).
        BindExpr(v.Initializer);
        var symbol = new Symbol
        {
            Name = v.Name, Kind = topLevel ? SymbolKind.Global : SymbolKind.Local, Mutable = v.Mutable,
            Type = v.DeclaredType is null ? AtlasType.Unknown : ResolveType(v.DeclaredType),
            DeclarationSpan = v.NameSpan, Owner = topLevel ? null : currentFunction,
        };
        v.Symbol = symbol;
        if (topLevel && BuiltinSymbols.IsPrelude(v.Name))
        {
            Report(DiagnosticId.CannotShadowPrelude, v.NameSpan, v.Name);
            return;
        }
        Declare(symbol);
    }
}
