namespace Atlas.Diagnostics;

/// <summary>
/// Every compile-time diagnostic the front end can report. Members are never renumbered or reused:
/// add new ones at the end of their group. Code, severity and message template live in <see cref="DiagnosticCatalog"/>.
/// </summary>
public enum DiagnosticId
{
    // Lexer (AT1001-AT1004)
    /// <summary>AT1001 (error): Unexpected character '…'</summary>
    UnexpectedCharacter = 1,
    /// <summary>AT1001 (error): Invalid number: exponent requires digits</summary>
    InvalidNumberExponent,
    /// <summary>AT1001 (error): Invalid number literal: '…'</summary>
    InvalidNumberLiteral,
    /// <summary>AT1002 (error): Unterminated string literal</summary>
    UnterminatedString,
    /// <summary>AT1003 (error): Invalid escape sequence '\…'</summary>
    InvalidEscape,
    /// <summary>AT1004 (error): Unterminated multi-line comment</summary>
    UnterminatedComment,

    // Parser
    /// <summary>AT1000 (error): Expected expression</summary>
    ExpectedExpression = 100,
    /// <summary>AT1000 (error): Invalid assignment target</summary>
    InvalidAssignmentTarget,
    /// <summary>AT1000 (error): Expected pattern</summary>
    ExpectedPattern,
    /// <summary>AT1000 (error): Match expression must have at least one arm</summary>
    MatchNeedsArm,
    /// <summary>AT1000 (error): Expected '-&gt;' after function type parameters</summary>
    ExpectedArrowAfterFunctionTypeParams,
    /// <summary>AT1000 (error): Unexpected empty type group</summary>
    UnexpectedEmptyTypeGroup,
    /// <summary>AT1000 (error): Import statements are not supported in Atlas v0.1</summary>
    ImportNotSupported,
    /// <summary>AT1002 (error): Expected ';' after …</summary>
    ExpectedSemicolonAfter,
    /// <summary>AT1003 (error): Expected …</summary>
    ExpectedCloser,
    /// <summary>AT1004 (error): Expected …</summary>
    ExpectedToken,
    /// <summary>AT1004 (error): Expected … but found …</summary>
    ExpectedNameButFound,
    /// <summary>AT1005 (error): Cannot use reserved keyword '…' as …</summary>
    ReservedKeyword,
    /// <summary>AT1005 (error): Cannot use reserved keyword '…' as …. This keyword is reserved for future use</summary>
    ReservedKeywordFuture,
    /// <summary>AT1006 (error): … is not supported yet</summary>
    UnsupportedTier2,
    /// <summary>AT1007 (error): Code is nested too deeply (more than … levels)</summary>
    NestingTooDeep,
    /// <summary>AT1001 (error): '…' is not supported in the REPL</summary>
    NotSupportedInRepl,
    /// <summary>AT1007 (error): Type is nested too deeply (more than … levels)</summary>
    TypeTooDeep,

    // Binder
    /// <summary>AT2002 (error): Unknown symbol '…'</summary>
    UnknownSymbol = 200,
    /// <summary>AT2003 (error): Symbol '…' is already defined in this scope</summary>
    SymbolAlreadyDefined,
    /// <summary>AT2003 (error): Function '…' is already defined</summary>
    FunctionAlreadyDefined,
    /// <summary>AT1012 (error): Cannot shadow prelude builtin '…' in global scope</summary>
    CannotShadowPrelude,
    /// <summary>AT9999 (error): Generic type '…' expects … type argument(s), found …</summary>
    GenericArity,
    /// <summary>AT9999 (error): Unknown generic type '…'</summary>
    UnknownGenericType,
    /// <summary>AT9999 (error): Duplicate type parameter '…'</summary>
    DuplicateTypeParameter,
    /// <summary>AT9999 (error): Cannot infer type parameter(s): …</summary>
    CannotInferTypeParameters,

    // Type checker
    /// <summary>AT3001 (error): …</summary>
    TypeMismatch = 300,
    /// <summary>AT3002 (error): …</summary>
    OperatorTypeError,
    /// <summary>AT3003 (error): Cannot assign to immutable variable '…'</summary>
    ImmutableAssign,
    /// <summary>AT3003 (error): Cannot modify immutable variable '…'</summary>
    ImmutableModify,
    /// <summary>AT3004 (error): Not all code paths return a value</summary>
    NotAllPathsReturn,
    /// <summary>AT3005 (error): …</summary>
    ArityMismatch,
    /// <summary>AT3006 (error): Cannot call non-function type …</summary>
    NotCallable,
    /// <summary>AT3010 (error): Type '…' has no method named '…'</summary>
    NoSuchMethod,
    /// <summary>AT3010 (error): Break statement outside loop</summary>
    BreakOutsideLoop,
    /// <summary>AT3010 (error): Continue statement outside loop</summary>
    ContinueOutsideLoop,
    /// <summary>AT3011 (error): Return statement outside function</summary>
    ReturnOutsideFunction,
    /// <summary>AT3022 (error): Pattern type mismatch: expected …, found …</summary>
    PatternTypeMismatch,
    /// <summary>AT3023 (error): … expects … argument…, found {3}</summary>
    ConstructorArity,
    /// <summary>AT3024 (error): Unknown … constructor: …</summary>
    UnknownConstructor,
    /// <summary>AT3025 (error): Constructor patterns not supported for type …</summary>
    ConstructorPatternUnsupported,
    /// <summary>AT3026 (error): Array pattern used on non-array type: …</summary>
    ArrayPatternOnNonArray,
    /// <summary>AT3027 (error): …</summary>
    NonExhaustiveMatch,
    /// <summary>AT3027 (error): ? operator requires Result&lt;T, E&gt; type, found …</summary>
    TryRequiresResult,
    /// <summary>AT3028 (error): ? operator can only be used inside functions</summary>
    TryOutsideFunction,
    /// <summary>AT3029 (error): ? operator error type mismatch: expression has error type …, but function returns …</summary>
    TryErrorTypeMismatch,
    /// <summary>AT3030 (error): ? operator requires function to return Result&lt;T, E&gt;, found …</summary>
    TryFunctionNotResult,
    /// <summary>AT3029 (error): Guard expression must be bool, found …</summary>
    GuardNotBool,
    /// <summary>AT3005 (error): Method '…' expects … arguments, found …</summary>
    MethodArityMismatch,
    /// <summary>AT3001 (error): cannot redefine '…' with type …: '…' uses it as {3}</summary>
    RedefinitionChangesType,

    // Warnings
    /// <summary>AT2001 (warning): Unused variable '…'</summary>
    UnusedVariable = 400,
    /// <summary>AT2001 (warning): Unused parameter '…'</summary>
    UnusedParameter,
    /// <summary>AT2002 (warning): Unreachable code</summary>
    UnreachableCode,
    /// <summary>
    /// AT2013 (warning): Type '…' is not Copy — consider annotating with 'own' or 'borrow' to clarify ownership intent
    /// </summary>
    NotCopyType,

    // Modules (language.md §15)
    /// <summary>AT5002 <c>Cannot find module '…'</c>.</summary>
    ModuleNotFound = 500,
    /// <summary>AT5001 <c>Cannot load module '…': …</c> (unreadable, not UTF-8, a directory, or refused by the resolver).</summary>
    ModuleLoadFailed,
    /// <summary>AT5003 <c>Circular dependency detected: …</c>, with the cycle.</summary>
    CircularDependency,
    /// <summary>AT5006 <c>'…' is not exported from module</c>.</summary>
    NotExported,
    /// <summary>AT5007 <c>Namespace imports not yet supported</c>.</summary>
    NamespaceImport,
}
