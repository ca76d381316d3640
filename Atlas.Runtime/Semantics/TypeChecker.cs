using Atlas.Diagnostics;
using Atlas.Syntax;

namespace Atlas.Semantics;

/// <summary>
/// Static type checking of a bound tree (language.md §4–§8, §14): reports AT3xxx errors and the AT2001/AT2002/AT2013
/// warnings, and records every expression's type and every inferred variable type on the tree.
/// </summary>
internal sealed partial class TypeChecker
{
    private readonly List<Diagnostic> diagnostics = [];
    /// <summary>The function whose body is being checked; null in top-level code.</summary>
    private FunctionContext? function;
    /// <summary>Loops enclosing the current statement within the current function (or top-level code).</summary>
    private int loopDepth;
    /// <summary>for-in variables: immutable bindings that may still be assigned (§6: the assignment has no effect on the array).</summary>
    private readonly HashSet<Symbol> forInVariables = new(ReferenceEqualityComparer.Instance);

    public static IReadOnlyList<Diagnostic> Check(CompilationUnit unit)
    {
        var checker = new TypeChecker();
        foreach (var item in unit.Items) checker.CheckStatement(item);
        return checker.diagnostics;
    }

    private void Report(DiagnosticId id, TextSpan span, params object[] args) => diagnostics.Add(Diagnostic.Create(id, span, args));

    private void Mismatch(TextSpan span, string message) => Report(DiagnosticId.TypeMismatch, span, message);

    private void OperatorError(TextSpan span, string message) => Report(DiagnosticId.OperatorTypeError, span, message);

    /// <summary>
    /// Records a read for AT2001. A read of a captured outer variable or parameter from a nested function also counts
    /// in the function that declares it (product decision 18).
    /// </summary>
    private void MarkRead(Symbol symbol)
    {
        function?.ReadNames.Add(symbol.Name);
        if (symbol.Owner is null) return;
        for (var outer = function?.Enclosing; outer is not null; outer = outer.Enclosing)
        {
            if (!ReferenceEquals(outer.Declaration, symbol.Owner)) continue;
            outer.ReadNames.Add(symbol.Name);
            return;
        }
    }

    private void CheckFunction(FnDecl fn)
    {
        var savedFunction = function;
        var savedLoops = loopDepth;
        var context = new FunctionContext(fn) { Enclosing = function };
        function = context;
        loopDepth = 0;
        try
        {
            foreach (var p in fn.Params)
                if (p.Symbol is not null) context.UnusedCandidates.Add(p.Symbol);
            CheckBlock(fn.Body);
            var ret = context.ReturnType;
            if (!ReferenceEquals(ret, AtlasType.Void) && !ReferenceEquals(ret, AtlasType.Null) && !AlwaysReturns(fn.Body))
                Report(DiagnosticId.NotAllPathsReturn, fn.Span);
            ReportUnused(context);
        }
        finally
        {
            function = savedFunction;
            loopDepth = savedLoops;
        }
    }

    /// <summary>§5.3: a return directly in the block, an if/else whose branches both always return, or such a bare block.</summary>
    private static bool AlwaysReturns(BlockStmt block) => block.Statements.Any(AlwaysReturns);

    private static bool AlwaysReturns(Stmt stmt) => stmt switch
    {
        ReturnStmt => true,
        IfStmt { Else: not null } i => AlwaysReturns(i.Then) && AlwaysReturns(i.Else),
        BlockStmt b => AlwaysReturns(b),
        _ => false,
    };
}
