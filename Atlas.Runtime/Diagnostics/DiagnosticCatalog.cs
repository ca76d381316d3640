namespace Atlas.Diagnostics;

/// <summary>Code, severity, message template and help text of each <see cref="DiagnosticId"/>.</summary>
internal static class DiagnosticCatalog
{
    /// <summary>One catalog entry. The template uses string.Format placeholders.</summary>
    public sealed record Entry(string Code, DiagnosticSeverity Severity, string Template, string? Help = null);

    private static Entry E(string code, string template, string? help = null) => new(code, DiagnosticSeverity.Error, template, help);
    private static Entry W(string code, string template, string? help = null) => new(code, DiagnosticSeverity.Warning, template, help);

    private static readonly Dictionary<DiagnosticId, Entry> Entries = new()
    {
        [DiagnosticId.UnexpectedCharacter] = E("AT1001", "Unexpected character '{0}'"),
        [DiagnosticId.InvalidNumberExponent] = E("AT1001", "Invalid number: exponent requires digits"),
        [DiagnosticId.InvalidNumberLiteral] = E("AT1001", "Invalid number literal: '{0}'"),
        [DiagnosticId.UnterminatedString] = E("AT1002", "Unterminated string literal", "add a closing '\"'"),
        [DiagnosticId.InvalidEscape] = E("AT1003", "Invalid escape sequence '\\{0}'", "valid escapes are \\n \\r \\t \\\\ \\\""),
        [DiagnosticId.UnterminatedComment] = E("AT1004", "Unterminated multi-line comment", "add a closing '*/'"),

        // {0} is the full message for the generic parser entries.
        [DiagnosticId.ExpectedExpression] = E("AT1000", "Expected expression"),
        [DiagnosticId.InvalidAssignmentTarget] = E("AT1000", "Invalid assignment target"),
        [DiagnosticId.ExpectedPattern] = E("AT1000", "Expected pattern"),
        [DiagnosticId.MatchNeedsArm] = E("AT1000", "Match expression must have at least one arm"),
        [DiagnosticId.ExpectedArrowAfterFunctionTypeParams] = E("AT1000", "Expected '->' after function type parameters"),
        [DiagnosticId.UnexpectedEmptyTypeGroup] = E("AT1000", "Unexpected empty type group"),
        [DiagnosticId.ImportNotSupported] = E("AT1000", "Import statements are not supported in Atlas v0.1"),
        [DiagnosticId.ExpectedSemicolonAfter] = E("AT1002", "Expected ';' after {0}"),
        [DiagnosticId.ExpectedCloser] = E("AT1003", "Expected {0}"),
        [DiagnosticId.ExpectedToken] = E("AT1004", "Expected {0}"),
        [DiagnosticId.ExpectedNameButFound] = E("AT1004", "Expected {0} but found {1}"),
        [DiagnosticId.ReservedKeyword] = E("AT1005", "Cannot use reserved keyword '{0}' as {1}"),
        [DiagnosticId.ReservedKeywordFuture] = E("AT1005", "Cannot use reserved keyword '{0}' as {1}. This keyword is reserved for future use"),
        [DiagnosticId.UnsupportedTier2] = E("AT1006", "{0} is not supported yet"),
        [DiagnosticId.NestingTooDeep] = E("AT1007", "Code is nested too deeply (more than {0} levels)", "split the expression or block into smaller pieces"),
        [DiagnosticId.NotSupportedInRepl] = E("AT1001", "'{0}' is not supported in the REPL", "load modules with ':load FILE'"),
        [DiagnosticId.TypeTooDeep] = E("AT1007", "Type is nested too deeply (more than {0} levels)", "simplify the type (aliases do not reduce its depth)"),

        [DiagnosticId.UnknownSymbol] = E("AT2002", "Unknown symbol '{0}'"),
        [DiagnosticId.SymbolAlreadyDefined] = E("AT2003", "Symbol '{0}' is already defined in this scope"),
        [DiagnosticId.FunctionAlreadyDefined] = E("AT2003", "Function '{0}' is already defined"),
        [DiagnosticId.CannotShadowPrelude] = E("AT1012", "Cannot shadow prelude builtin '{0}' in global scope"),
        [DiagnosticId.GenericArity] = E("AT9999", "Generic type '{0}' expects {1} type argument(s), found {2}"),
        [DiagnosticId.UnknownGenericType] = E("AT9999", "Unknown generic type '{0}'"),
        [DiagnosticId.DuplicateTypeParameter] = E("AT9999", "Duplicate type parameter '{0}'"),
        [DiagnosticId.CannotInferTypeParameters] = E("AT9999", "Cannot infer type parameter(s): {0}"),

        // {0} is the full message: the checker's texts vary too much for one template each.
        [DiagnosticId.TypeMismatch] = E("AT3001", "{0}"),
        [DiagnosticId.OperatorTypeError] = E("AT3002", "{0}"),
        [DiagnosticId.ImmutableAssign] = E("AT3003", "Cannot assign to immutable variable '{0}'", "declare it with 'var' to make it mutable"),
        [DiagnosticId.ImmutableModify] = E("AT3003", "Cannot modify immutable variable '{0}'", "declare it with 'var' to make it mutable"),
        [DiagnosticId.NotAllPathsReturn] = E("AT3004", "Not all code paths return a value"),
        [DiagnosticId.ArityMismatch] = E("AT3005", "{0}"),
        [DiagnosticId.NotCallable] = E("AT3006", "Cannot call non-function type {0}"),
        [DiagnosticId.NoSuchMethod] = E("AT3010", "Type '{0}' has no method named '{1}'"),
        [DiagnosticId.BreakOutsideLoop] = E("AT3010", "Break statement outside loop"),
        [DiagnosticId.ContinueOutsideLoop] = E("AT3010", "Continue statement outside loop"),
        [DiagnosticId.ReturnOutsideFunction] = E("AT3011", "Return statement outside function"),
        [DiagnosticId.PatternTypeMismatch] = E("AT3022", "Pattern type mismatch: expected {0}, found {1}"),
        [DiagnosticId.ConstructorArity] = E("AT3023", "{0} expects {1} argument{2}, found {3}"),
        [DiagnosticId.UnknownConstructor] = E("AT3024", "Unknown {0} constructor: {1}"),
        [DiagnosticId.ConstructorPatternUnsupported] = E("AT3025", "Constructor patterns not supported for type {0}"),
        [DiagnosticId.ArrayPatternOnNonArray] = E("AT3026", "Array pattern used on non-array type: {0}"),
        [DiagnosticId.NonExhaustiveMatch] = E("AT3027", "{0}"),
        [DiagnosticId.TryRequiresResult] = E("AT3027", "? operator requires Result<T, E> type, found {0}"),
        [DiagnosticId.TryOutsideFunction] = E("AT3028", "? operator can only be used inside functions"),
        [DiagnosticId.TryErrorTypeMismatch] = E("AT3029", "? operator error type mismatch: expression has error type {0}, but function returns {1}"),
        [DiagnosticId.TryFunctionNotResult] = E("AT3030", "? operator requires function to return Result<T, E>, found {0}"),
        [DiagnosticId.GuardNotBool] = E("AT3029", "Guard expression must be bool, found {0}"),
        [DiagnosticId.MethodArityMismatch] = E("AT3005", "Method '{0}' expects {1} arguments, found {2}"),
        [DiagnosticId.RedefinitionChangesType] = E("AT3001", "cannot redefine '{0}' with type {1}: '{2}' uses it as {3}",
            "keep the type, or first redefine the definitions that use it"),

        [DiagnosticId.UnusedVariable] = W("AT2001", "Unused variable '{0}'", "prefix the name with '_' to silence this warning"),
        [DiagnosticId.UnusedParameter] = W("AT2001", "Unused parameter '{0}'", "prefix the name with '_' to silence this warning"),
        [DiagnosticId.UnreachableCode] = W("AT2002", "Unreachable code"),
        [DiagnosticId.NotCopyType] = W("AT2013", "Type '{0}' is not Copy — consider annotating with 'own' or 'borrow' to clarify ownership intent"),
        [DiagnosticId.ModuleNotFound] = E("AT5002", "Cannot find module '{0}'", "the path is relative to the importing file; '.atl' is added when it has no extension"),
        [DiagnosticId.ModuleLoadFailed] = E("AT5001", "Cannot load module '{0}': {1}"),
        [DiagnosticId.CircularDependency] = E("AT5003", "Circular dependency detected: {0}", "modules cannot import each other in a cycle; move what they share to a third module"),
        [DiagnosticId.NotExported] = E("AT5006", "'{0}' is not exported from module", "only declarations marked 'export' can be imported"),
        [DiagnosticId.NamespaceImport] = E("AT5007", "Namespace imports not yet supported", "use named imports instead: import { name } from \"./module\";"),
    };

    /// <summary>All ids that have an entry (tests check this covers the whole enum).</summary>
    public static IEnumerable<DiagnosticId> All => Entries.Keys;

    public static Entry Get(DiagnosticId id) =>
        Entries.TryGetValue(id, out var e) ? e : throw new InvalidOperationException($"diagnostic {id} has no catalog entry");
}
