using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>
/// Name resolution (language.md §5.2–§5.3): creates one <see cref="Symbol"/> per declaration, resolves every name
/// to it, and resolves written types. Reports AT2002, AT2003, AT1012 and the AT9999 type-syntax errors.
/// </summary>
internal sealed partial class Binder
{
    private readonly List<Diagnostic> diagnostics = [];
    private readonly Scope globalScope;
    private Scope scope;
    /// <summary>Innermost function being bound; null in top-level code (also inside top-level blocks).</summary>
    private FnDecl? currentFunction;
    /// <summary>Outermost function being bound: the one whose <see cref="FnDecl.GlobalReferences"/> collects top-level names.</summary>
    private FnDecl? rootFunction;
    private readonly CheckSession? session;

    private Binder(CheckSession? session)
    {
        this.session = session;
        // Builtin functions sit outside the global scope so top-level declarations may hide the non-prelude ones;
        // the constants live in the global scope itself, which makes `let PI = …` a redeclaration (§5.2).
        var builtinScope = new Scope(null);
        foreach (var symbol in BuiltinSymbols.FunctionSymbols.Values) builtinScope.Add(symbol);
        // Earlier REPL entries sit between the builtins and this entry's globals: their names resolve, and this entry
        // may declare them again (a new symbol, repl.md) without AT2003.
        var outer = builtinScope;
        if (session is not null)
        {
            outer = new Scope(builtinScope);
            foreach (var symbol in session.Globals.Values) outer.Add(symbol);
        }
        globalScope = new Scope(outer);
        foreach (var symbol in BuiltinSymbols.ConstantSymbols.Values) globalScope.Add(symbol);
        scope = globalScope;
    }

    public static IReadOnlyList<Diagnostic> Bind(CompilationUnit unit, CheckSession? session = null)
    {
        var binder = new Binder(session);
        binder.BindUnit(unit);
        return binder.diagnostics;
    }

    private void BindUnit(CompilationUnit unit)
    {
        CollectAliases(unit);
        foreach (var item in unit.Items)
            if (item is FnDecl fn) HoistTopLevelFunction(fn);
        foreach (var item in unit.Items) BindStatement(item, topLevel: true);
    }

    private void Report(DiagnosticId id, TextSpan span, params object[] args) => diagnostics.Add(Diagnostic.Create(id, span, args));

    /// <summary>Top-level functions are visible everywhere, so their symbols exist before any statement is bound.</summary>
    private void HoistTopLevelFunction(FnDecl fn)
    {
        var symbol = CreateFunctionSymbol(fn, SymbolKind.Function, owner: null);
        if (BuiltinSymbols.IsPrelude(fn.Name))
            Report(DiagnosticId.CannotShadowPrelude, fn.NameSpan, fn.Name);
        else if (globalScope.TryGetLocal(fn.Name, out _))
            Report(DiagnosticId.FunctionAlreadyDefined, fn.NameSpan, fn.Name);
        else
            globalScope.Add(symbol);
    }

    /// <summary>Nested functions are visible throughout their block: declare them all before binding its statements.</summary>
    private void HoistNestedFunctions(BlockStmt block)
    {
        foreach (var stmt in block.Statements)
        {
            if (stmt is not FnDecl fn) continue;
            var symbol = CreateFunctionSymbol(fn, SymbolKind.NestedFunction, currentFunction);
            if (scope.TryGetLocal(fn.Name, out var existing))
            {
                if (existing.Kind == SymbolKind.NestedFunction) Report(DiagnosticId.FunctionAlreadyDefined, fn.NameSpan, fn.Name);
                else Report(DiagnosticId.SymbolAlreadyDefined, fn.NameSpan, fn.Name);
            }
            else scope.Add(symbol);
        }
    }

    private Symbol CreateFunctionSymbol(FnDecl fn, SymbolKind kind, FnDecl? owner)
    {
        var type = ResolveSignature(fn);
        var symbol = new Symbol
        {
            Name = fn.Name, Kind = kind, Mutable = false, Type = type, DeclarationSpan = fn.NameSpan,
            Owner = owner, Declaration = fn,
        };
        fn.Symbol = symbol;
        return symbol;
    }

    /// <summary>Declares a variable-like symbol in the current scope, reporting a redeclaration in the same scope.</summary>
    private void Declare(Symbol symbol)
    {
        if (scope.TryGetLocal(symbol.Name, out _))
        {
            Report(DiagnosticId.SymbolAlreadyDefined, symbol.DeclarationSpan, symbol.Name);
            return;
        }
        scope.Add(symbol);
    }

    private void WithScope(Action body)
    {
        var saved = scope;
        scope = new Scope(saved);
        try { body(); }
        finally { scope = saved; }
    }

    private void BindFunction(FnDecl fn)
    {
        var savedScope = scope;
        var savedFunction = currentFunction;
        var savedRoot = rootFunction;
        currentFunction = fn;
        if (rootFunction is null)
        {
            rootFunction = fn;
            fn.GlobalReferences = new HashSet<Symbol>(ReferenceEqualityComparer.Instance);
        }
        PushTypeParameters(fn);
        scope = new Scope(savedScope);
        try
        {
            foreach (var param in fn.Params)
            {
                var symbol = new Symbol
                {
                    Name = param.Name, Kind = SymbolKind.Parameter, Mutable = false, Type = ResolveType(param.Type),
                    DeclarationSpan = param.NameSpan, Owner = fn,
                };
                param.Symbol = symbol;
                Declare(symbol);
            }
            BindBlock(fn.Body);
        }
        finally
        {
            scope = savedScope;
            currentFunction = savedFunction;
            rootFunction = savedRoot;
            PopTypeParameters();
        }
    }
}
